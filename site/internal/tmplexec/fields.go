package tmplexec

import (
	"fmt"
	"reflect"
	"sync/atomic"
)

// fieldCache remembers how a field name resolves on one receiver type.
type fieldCache struct {
	ptrType reflect.Type
	method  int   // index of the method on ptrType, or -1
	field   []int // the struct field's index, when not a method
}

// fieldStep looks a name up on a receiver, as text/template's evalField.
type fieldStep struct {
	name  string
	bare  *call // the call of a method without arguments
	cache atomic.Pointer[fieldCache]
}

// resolve finds how name resolves on ptr's type.
func (f *fieldStep) resolve(ptr, receiver reflect.Value) (*fieldCache, error) {
	if fc := f.cache.Load(); fc != nil && fc.ptrType == ptr.Type() {
		return fc, nil
	}
	fc := &fieldCache{ptrType: ptr.Type(), method: -1}
	if m, ok := ptr.Type().MethodByName(f.name); ok && ptr.Kind() != reflect.Interface {
		fc.method = m.Index
	} else if receiver.Kind() == reflect.Struct {
		tField, ok := receiver.Type().FieldByName(f.name)
		if !ok || !tField.IsExported() {
			return nil, unsupported("field %s of %s", f.name, receiver.Type())
		}
		fc.field = tField.Index
	} else {
		return nil, unsupported("field %s of a %s", f.name, receiver.Kind())
	}
	f.cache.Store(fc)
	return fc, nil
}

// call is the compiled arguments of a command, for a function or method.
type call struct {
	name string
	args []arg // after the function's name
}

// eval evaluates the field step on receiver; the last step of a chain
// gets the command's arguments and the pipeline's final value.
func (f *fieldStep) eval(s *state, dot, receiver reflect.Value, cl *call, final reflect.Value, hasFinal bool) (reflect.Value, error) {
	if !receiver.IsValid() {
		return reflect.Value{}, nil // missingkey=default: no value
	}
	receiver, isNil := indirect(receiver)
	if receiver.Kind() == reflect.Interface && isNil {
		return reflect.Value{}, fmt.Errorf("nil pointer evaluating %s", f.name)
	}
	ptr := receiver
	if ptr.Kind() != reflect.Interface && ptr.Kind() != reflect.Pointer && ptr.CanAddr() {
		ptr = ptr.Addr()
	}
	if isNil && ptr.Kind() == reflect.Pointer {
		// a nil pointer: a method may take it, a field is an error
		if _, ok := ptr.Type().MethodByName(f.name); !ok {
			return reflect.Value{}, unsupported("nil pointer evaluating %s", f.name)
		}
	}
	fc, err := f.resolve(ptr, receiver)
	if err != nil {
		return reflect.Value{}, err
	}
	if fc.method >= 0 {
		if cl == nil {
			cl = f.bare
		}
		return s.call(dot, ptr.Method(fc.method), cl, final, hasFinal)
	}
	if (cl != nil && len(cl.args) > 0) || hasFinal {
		return reflect.Value{}, fmt.Errorf("%s has arguments but cannot be invoked as function", f.name)
	}
	if len(fc.field) == 1 {
		return receiver.Field(fc.field[0]), nil
	}
	return receiver.FieldByIndexErr(fc.field)
}

// chain evaluates a chain of field steps from receiver.
func chain(s *state, dot, receiver reflect.Value, steps []*fieldStep, cl *call, final reflect.Value, hasFinal bool) (reflect.Value, error) {
	var err error
	for _, f := range steps[:len(steps)-1] {
		if receiver, err = f.eval(s, dot, receiver, nil, reflect.Value{}, false); err != nil {
			return reflect.Value{}, err
		}
	}
	return steps[len(steps)-1].eval(s, dot, receiver, cl, final, hasFinal)
}

// steps compiles the names of a field chain.
func steps(names []string) []*fieldStep {
	out := make([]*fieldStep, len(names))
	for i, n := range names {
		out[i] = &fieldStep{name: n, bare: &call{name: n}}
	}
	return out
}
