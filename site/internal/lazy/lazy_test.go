package lazy

import "testing"

func TestRegexpCompilesOnce(t *testing.T) {
	re := Regexp(`^a+$`)
	if first, again := re(), re(); first != again || !first.MatchString("aaa") || first.MatchString("b") {
		t.Error("Regexp does not give one compiled expression that matches as written")
	}
	defer func() {
		if recover() == nil {
			t.Error("an expression that does not compile did not panic at its first use")
		}
	}()
	Regexp(`(`)()
}
