package tmplexec

import (
	"cmp"
	"fmt"
	"reflect"
)

// function compiles a call of the function name: one of the template's
// functions, or a builtin of text/template that this package has.
func (c *compiler) function(name string, cl *call) (command, error) {
	if fn, ok := c.funcs[name]; ok {
		if f, ok := fn.Interface().(func(any) string); ok && len(cl.args) <= 1 {
			return oneAnyToString(f, cl), nil
		}
		return func(s *state, dot, final reflect.Value, hasFinal bool) (reflect.Value, error) {
			return s.call(dot, fn, cl, final, hasFinal)
		}, nil
	}
	switch name {
	case "and", "or":
		return andOr(name == "or", cl), nil
	case "not":
		return builtin(cl, 1, 1, func(args []reflect.Value) (reflect.Value, error) {
			return reflect.ValueOf(!truth(args[0])), nil
		}), nil
	case "eq":
		return builtin(cl, 1, -1, func(args []reflect.Value) (reflect.Value, error) {
			if len(args) < 2 {
				return reflect.Value{}, fmt.Errorf("missing argument for comparison")
			}
			for _, b := range args[1:] {
				if eq, err := equal(args[0], b); err != nil || eq {
					return reflect.ValueOf(eq), err
				}
			}
			return reflect.ValueOf(false), nil
		}), nil
	case "ne":
		return comparison(cl, func(c int) bool { return c != 0 }, true), nil
	case "lt":
		return comparison(cl, func(c int) bool { return c < 0 }, false), nil
	case "le":
		return comparison(cl, func(c int) bool { return c <= 0 }, false), nil
	case "gt":
		return comparison(cl, func(c int) bool { return c > 0 }, false), nil
	case "ge":
		return comparison(cl, func(c int) bool { return c >= 0 }, false), nil
	case "len":
		return builtin(cl, 1, 1, func(args []reflect.Value) (reflect.Value, error) {
			item, isNil := indirect(args[0])
			if isNil {
				return reflect.Value{}, fmt.Errorf("len of nil pointer")
			}
			switch item.Kind() {
			case reflect.Array, reflect.Chan, reflect.Map, reflect.Slice, reflect.String:
				return reflect.ValueOf(item.Len()), nil
			}
			return reflect.Value{}, unsupported("len of %s", item.Kind())
		}), nil
	case "index":
		return builtin(cl, 1, -1, index), nil
	case "print":
		return builtin(cl, 0, -1, func(args []reflect.Value) (reflect.Value, error) {
			as := make([]any, len(args))
			for i, a := range args {
				// text/template passes each as an interface{} argument
				v, err := validateType(a, anyType)
				if err != nil {
					return v, err
				}
				as[i] = v.Interface()
			}
			return reflect.ValueOf(fmt.Sprint(as...)), nil
		}), nil
	}
	return nil, unsupported("function %q", name)
}

// oneAnyToString calls f, a func(any) string, with its one argument or the
// pipeline's value, without reflection.
func oneAnyToString(f func(any) string, cl *call) command {
	return func(s *state, dot, final reflect.Value, hasFinal bool) (reflect.Value, error) {
		var v reflect.Value
		switch {
		case len(cl.args) == 1 && !hasFinal:
			a, err := cl.args[0](s, dot, anyType)
			if err != nil {
				return a, err
			}
			v = a
		case len(cl.args) == 0 && hasFinal:
			a, err := validateType(final, anyType)
			if err != nil {
				return a, err
			}
			v = a
		default:
			return reflect.Value{}, fmt.Errorf("wrong number of args for %s", cl.name)
		}
		return reflect.ValueOf(f(v.Interface())), nil
	}
}

// builtin compiles a call of a builtin taking reflect.Values, between min
// and max arguments (max -1: any number), the pipeline's value last.
func builtin(cl *call, min, max int, f func(args []reflect.Value) (reflect.Value, error)) command {
	return func(s *state, dot, final reflect.Value, hasFinal bool) (reflect.Value, error) {
		n := len(cl.args)
		if hasFinal {
			n++
		}
		if n < min || (max >= 0 && n > max) {
			return reflect.Value{}, fmt.Errorf("wrong number of args for %s: got %d", cl.name, n)
		}
		var buf [4]reflect.Value
		args := buf[:0]
		for _, a := range cl.args {
			v, err := a(s, dot, reflectValueType)
			if err != nil {
				return v, err
			}
			args = append(args, unwrap(v))
		}
		if hasFinal {
			v, err := validateType(final, reflectValueType)
			if err != nil {
				return v, err
			}
			args = append(args, unwrap(v))
		}
		return f(args)
	}
}

// unwrap takes a value out of a reflect.Value holding it.
func unwrap(v reflect.Value) reflect.Value {
	if v.IsValid() && v.Type() == reflectValueType {
		return v.Interface().(reflect.Value)
	}
	return v
}

// andOr compiles and/or: the first argument that decides, evaluated no further.
func andOr(or bool, cl *call) command {
	return func(s *state, dot, final reflect.Value, hasFinal bool) (reflect.Value, error) {
		if len(cl.args) == 0 && !hasFinal {
			return reflect.Value{}, fmt.Errorf("wrong number of args for %s", cl.name)
		}
		var v reflect.Value
		for _, a := range cl.args {
			w, err := a(s, dot, reflectValueType)
			if err != nil {
				return w, err
			}
			v = unwrap(w)
			if truth(v) == or {
				return v, nil
			}
		}
		if hasFinal {
			w, err := validateType(final, reflectValueType)
			if err != nil {
				return w, err
			}
			v = unwrap(w)
		}
		return v, nil
	}
}

// basic is the kind of value comparisons work on.
type basic int

const (
	invalidKind basic = iota
	boolKind
	intKind
	uintKind
	floatKind
	stringKind
)

// basicKind is the comparable kind of v; complex and other kinds are left
// to text/template.
func basicKind(v reflect.Value) basic {
	switch v.Kind() {
	case reflect.Bool:
		return boolKind
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return intKind
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return uintKind
	case reflect.Float32, reflect.Float64:
		return floatKind
	case reflect.String:
		return stringKind
	}
	return invalidKind
}

// compare compares a and b of basic kinds as text/template does: -1, 0, 1.
func compare(a, b reflect.Value) (int, error) {
	a, b = indirectInterface(a), indirectInterface(b)
	ka, kb := basicKind(a), basicKind(b)
	if ka == invalidKind || kb == invalidKind {
		return 0, unsupported("comparison of %s and %s", a.Kind(), b.Kind())
	}
	if ka != kb {
		switch {
		case ka == intKind && kb == uintKind:
			if a.Int() < 0 {
				return -1, nil
			}
			return cmp.Compare(uint64(a.Int()), b.Uint()), nil
		case ka == uintKind && kb == intKind:
			if b.Int() < 0 {
				return 1, nil
			}
			return cmp.Compare(a.Uint(), uint64(b.Int())), nil
		}
		return 0, fmt.Errorf("incompatible types for comparison: %v and %v", a.Type(), b.Type())
	}
	switch ka {
	case boolKind:
		return 0, unsupported("ordering of bools")
	case intKind:
		return cmp.Compare(a.Int(), b.Int()), nil
	case uintKind:
		return cmp.Compare(a.Uint(), b.Uint()), nil
	case floatKind:
		if a.Float() != a.Float() || b.Float() != b.Float() {
			return 0, unsupported("comparison of NaN")
		}
		return cmp.Compare(a.Float(), b.Float()), nil
	}
	return cmp.Compare(a.String(), b.String()), nil
}

// equal is text/template's a == b for basic kinds.
func equal(a, b reflect.Value) (bool, error) {
	a, b = indirectInterface(a), indirectInterface(b)
	if basicKind(a) == boolKind && basicKind(b) == boolKind {
		return a.Bool() == b.Bool(), nil
	}
	c, err := compare(a, b)
	return c == 0, err
}

// comparison compiles ne, lt, le, gt, ge: two arguments.
func comparison(cl *call, ok func(int) bool, ne bool) command {
	return builtin(cl, 2, 2, func(args []reflect.Value) (reflect.Value, error) {
		if ne {
			eq, err := equal(args[0], args[1])
			return reflect.ValueOf(!eq), err
		}
		c, err := compare(args[0], args[1])
		return reflect.ValueOf(ok(c)), err
	})
}

// index is text/template's index for int indexes of slices, arrays and
// strings, and for keys of maps; other cases are left to text/template.
func index(args []reflect.Value) (reflect.Value, error) {
	item := indirectInterface(args[0])
	if !item.IsValid() {
		return reflect.Value{}, unsupported("index of untyped nil")
	}
	for _, i := range args[1:] {
		i = indirectInterface(i)
		var isNil bool
		if item, isNil = indirect(item); isNil {
			return reflect.Value{}, unsupported("index of nil pointer")
		}
		switch item.Kind() {
		case reflect.Slice, reflect.Array, reflect.String:
			if basicKind(i) != intKind || i.Int() < 0 || i.Int() >= int64(item.Len()) {
				return reflect.Value{}, unsupported("index %v", i)
			}
			item = item.Index(int(i.Int()))
		case reflect.Map:
			if !i.IsValid() || !i.Type().AssignableTo(item.Type().Key()) {
				return reflect.Value{}, unsupported("index %v", i)
			}
			if v := item.MapIndex(i); v.IsValid() {
				item = v
			} else {
				item = reflect.Zero(item.Type().Elem())
			}
		default:
			return reflect.Value{}, unsupported("index of %s", item.Kind())
		}
	}
	return item, nil
}

// call calls fn (a function or a method value) as text/template's evalCall:
// the arguments converted to the parameters' types, the pipeline's value
// last, and an error result returned as the error.
func (s *state) call(dot, fn reflect.Value, cl *call, final reflect.Value, hasFinal bool) (result reflect.Value, err error) {
	typ := fn.Type()
	var args []arg
	if cl != nil {
		args = cl.args
	}
	numIn := len(args)
	if hasFinal {
		numIn++
	}
	numFixed := len(args)
	if typ.IsVariadic() {
		numFixed = typ.NumIn() - 1
		if numIn < numFixed {
			return reflect.Value{}, fmt.Errorf("wrong number of args: want at least %d got %d", typ.NumIn()-1, len(args))
		}
	} else if numIn != typ.NumIn() {
		return reflect.Value{}, fmt.Errorf("wrong number of args: want %d got %d", typ.NumIn(), numIn)
	}
	switch {
	case typ.NumOut() == 1:
	case typ.NumOut() == 2 && typ.Out(1) == errorType:
	default:
		return reflect.Value{}, fmt.Errorf("can't call a function of %d results", typ.NumOut())
	}
	argv := make([]reflect.Value, numIn)
	i := 0
	for ; i < numFixed && i < len(args); i++ {
		if argv[i], err = args[i](s, dot, typ.In(i)); err != nil {
			return reflect.Value{}, err
		}
	}
	if typ.IsVariadic() {
		argType := typ.In(typ.NumIn() - 1).Elem()
		for ; i < len(args); i++ {
			if argv[i], err = args[i](s, dot, argType); err != nil {
				return reflect.Value{}, err
			}
		}
	}
	if hasFinal {
		t := typ.In(typ.NumIn() - 1)
		if typ.IsVariadic() {
			if numIn-1 < numFixed {
				t = typ.In(numIn - 1)
			} else {
				t = t.Elem()
			}
		}
		if argv[i], err = validateType(final, t); err != nil {
			return reflect.Value{}, err
		}
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("error calling %s: %v", cl.name, r)
		}
	}()
	out := fn.Call(argv)
	if len(out) == 2 && !out[1].IsNil() {
		return out[0], fmt.Errorf("error calling %s: %w", cl.name, out[1].Interface().(error))
	}
	return unwrap(out[0]), nil
}
