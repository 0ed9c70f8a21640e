package tmplexec

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"text/template/parse"
)

// pipeFunc evaluates a pipeline.
type pipeFunc func(s *state, dot reflect.Value) (reflect.Value, error)

// command evaluates one command of a pipeline, final being the value of the
// command before it (hasFinal false for the first).
type command func(s *state, dot, final reflect.Value, hasFinal bool) (reflect.Value, error)

// pipe compiles a pipeline, which pushes or assigns its variables.
func (c *compiler) pipe(p *parse.PipeNode) (pipeFunc, error) {
	if p == nil {
		return nil, nil
	}
	cmds, err := c.commands(p.Cmds)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, v := range p.Decl {
		names = append(names, v.Ident[0])
	}
	assign := p.IsAssign
	return func(s *state, dot reflect.Value) (reflect.Value, error) {
		var value reflect.Value
		var err error
		for i, cmd := range cmds {
			if value, err = cmd(s, dot, value, i > 0); err != nil {
				return reflect.Value{}, err
			}
			// a value of type interface{}: the thing inside
			if value.Kind() == reflect.Interface && value.Type().NumMethod() == 0 {
				value = reflect.ValueOf(value.Interface())
			}
		}
		for _, n := range names {
			if assign {
				if err := s.setVar(n, value); err != nil {
					return reflect.Value{}, err
				}
			} else {
				s.push(n, value)
			}
		}
		return value, nil
	}, nil
}

// stringPipe compiles a pipeline without variables that ends in a fused
// run, whose string it returns without making a reflect.Value of it.
func (c *compiler) stringPipe(p *parse.PipeNode) (func(s *state, dot reflect.Value) (string, error), bool) {
	if len(p.Decl) > 0 {
		return nil, false
	}
	fused, n := c.fusedRun(p.Cmds)
	if fused == nil || n == len(p.Cmds) {
		return nil, false
	}
	head, err := c.commands(p.Cmds[:len(p.Cmds)-n])
	if err != nil {
		return nil, false
	}
	fn, str := fused.Func, fused.String
	return func(s *state, dot reflect.Value) (string, error) {
		var value reflect.Value
		var err error
		for i, cmd := range head {
			if value, err = cmd(s, dot, value, i > 0); err != nil {
				return "", err
			}
			if value.Kind() == reflect.Interface && value.Type().NumMethod() == 0 {
				value = reflect.ValueOf(value.Interface())
			}
		}
		if str != nil && value.Kind() == reflect.String && value.Type() == stringType {
			return str(value.String()), nil
		}
		return fn(asAny(value)), nil
	}, true
}

// asAny is v passed to a parameter of type any: text/template gives nil
// for no value.
func asAny(v reflect.Value) any {
	if !v.IsValid() {
		return nil
	}
	return v.Interface()
}

// fusedRun finds a fused run at the end of cmds: commands that are each
// one function name, without arguments, in the order of the run.
func (c *compiler) fusedRun(cmds []*parse.CommandNode) (*Fused, int) {
	for i := range c.fused {
		f := &c.fused[i]
		n := len(f.Names)
		if n == 0 || n > len(cmds) {
			continue
		}
		tail := cmds[len(cmds)-n:]
		match := true
		for j, cmd := range tail {
			id, ok := cmd.Args[0].(*parse.IdentifierNode)
			if !ok || len(cmd.Args) != 1 || id.Ident != f.Names[j] {
				match = false
				break
			}
		}
		// the run must be the whole run of such names: a longer one may be fused too
		if match && (len(cmds) == n || !c.isFusable(cmds[len(cmds)-n-1])) {
			return f, n
		}
	}
	return nil, 0
}

// isFusable tells whether cmd is a lone function name of a fused run.
func (c *compiler) isFusable(cmd *parse.CommandNode) bool {
	id, ok := cmd.Args[0].(*parse.IdentifierNode)
	if !ok || len(cmd.Args) != 1 {
		return false
	}
	for _, f := range c.fused {
		if slices.Contains(f.Names, id.Ident) {
			return true
		}
	}
	return false
}

// commands compiles the commands of a pipeline, a fused run at the end as one.
func (c *compiler) commands(cmds []*parse.CommandNode) ([]command, error) {
	var out []command
	fused, n := c.fusedRun(cmds)
	for _, cmd := range cmds[:len(cmds)-n] {
		cc, err := c.command(cmd)
		if err != nil {
			return nil, err
		}
		out = append(out, cc)
	}
	if fused != nil {
		fn := fused.Func
		if len(cmds) == n {
			return nil, unsupported("pipeline starting with %s", joinNames(fused.Names))
		}
		out = append(out, func(_ *state, _, final reflect.Value, _ bool) (reflect.Value, error) {
			return reflect.ValueOf(fn(asAny(final))), nil
		})
	}
	return out, nil
}

// command compiles one command.
func (c *compiler) command(cmd *parse.CommandNode) (command, error) {
	cl, err := c.call(cmd)
	if err != nil {
		return nil, err
	}
	switch n := cmd.Args[0].(type) {
	case *parse.FieldNode:
		st := steps(n.Ident)
		return func(s *state, dot, final reflect.Value, hasFinal bool) (reflect.Value, error) {
			return chain(s, dot, dot, st, cl, final, hasFinal)
		}, nil
	case *parse.VariableNode:
		name, st := n.Ident[0], steps(n.Ident[1:])
		return func(s *state, dot, final reflect.Value, hasFinal bool) (reflect.Value, error) {
			v, err := s.varValue(name)
			if err != nil {
				return v, err
			}
			if len(st) == 0 {
				if len(cl.args) > 0 || hasFinal {
					return reflect.Value{}, fmt.Errorf("can't give argument to non-function %s", n)
				}
				return v, nil
			}
			return chain(s, dot, v, st, cl, final, hasFinal)
		}, nil
	case *parse.IdentifierNode:
		return c.function(n.Ident, cl)
	case *parse.ChainNode:
		head, st, err := c.chainHead(n)
		if err != nil {
			return nil, err
		}
		return func(s *state, dot, final reflect.Value, hasFinal bool) (reflect.Value, error) {
			v, err := head(s, dot, nil)
			if err != nil {
				return v, err
			}
			return chain(s, dot, v, st, cl, final, hasFinal)
		}, nil
	case *parse.PipeNode:
		p, err := c.pipe(n)
		if err != nil {
			return nil, err
		}
		return func(s *state, dot, final reflect.Value, hasFinal bool) (reflect.Value, error) {
			if len(cl.args) > 0 || hasFinal {
				return reflect.Value{}, fmt.Errorf("can't give argument to non-function %s", n)
			}
			return p(s, dot)
		}, nil
	}
	if _, ok := cmd.Args[0].(*parse.DotNode); ok {
		return func(s *state, dot, final reflect.Value, hasFinal bool) (reflect.Value, error) {
			if len(cl.args) > 0 || hasFinal {
				return reflect.Value{}, fmt.Errorf("can't give argument to non-function %s", cmd.Args[0])
			}
			return dot, nil
		}, nil
	}
	value, err := constant(cmd.Args[0])
	if err != nil {
		return nil, err
	}
	return func(s *state, dot, final reflect.Value, hasFinal bool) (reflect.Value, error) {
		if len(cl.args) > 0 || hasFinal {
			return reflect.Value{}, fmt.Errorf("can't give argument to non-function %s", cmd.Args[0])
		}
		return value, nil
	}, nil
}

// constant is the value of a command that is a constant.
func constant(n parse.Node) (reflect.Value, error) {
	switch n := n.(type) {
	case *parse.BoolNode:
		return reflect.ValueOf(n.True), nil
	case *parse.StringNode:
		return reflect.ValueOf(n.Text), nil
	case *parse.NumberNode:
		return idealConstant(n)
	}
	return reflect.Value{}, unsupported("command %s", n)
}

// idealConstant is the value of a number constant: an int, or a float64
// when it is written as one.
func idealConstant(n *parse.NumberNode) (reflect.Value, error) {
	switch {
	case n.IsComplex:
		return reflect.Value{}, unsupported("complex constant %s", n.Text)
	case n.IsFloat && !isHexInt(n.Text) && !isRuneInt(n.Text) && strings.ContainsAny(n.Text, ".eEpP"):
		return reflect.ValueOf(n.Float64), nil
	case n.IsInt:
		i := int(n.Int64)
		if int64(i) != n.Int64 {
			return reflect.Value{}, unsupported("%s overflows int", n.Text)
		}
		return reflect.ValueOf(i), nil
	}
	return reflect.Value{}, unsupported("constant %s", n.Text)
}

func isRuneInt(s string) bool { return len(s) > 0 && s[0] == '\'' }

func isHexInt(s string) bool {
	return len(s) > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && !strings.ContainsAny(s, "pP")
}

// arg evaluates an argument of a call to the type the parameter wants.
type arg func(s *state, dot reflect.Value, typ reflect.Type) (reflect.Value, error)

// call compiles the arguments of cmd after its first word.
func (c *compiler) call(cmd *parse.CommandNode) (*call, error) {
	cl := &call{name: cmd.Args[0].String()}
	for _, a := range cmd.Args[1:] {
		ca, err := c.arg(a)
		if err != nil {
			return nil, err
		}
		cl.args = append(cl.args, ca)
	}
	return cl, nil
}

// arg compiles an argument, as text/template's evalArg.
func (c *compiler) arg(n parse.Node) (arg, error) {
	var eval func(s *state, dot reflect.Value) (reflect.Value, error)
	switch n := n.(type) {
	case *parse.DotNode:
		eval = func(_ *state, dot reflect.Value) (reflect.Value, error) { return dot, nil }
	case *parse.FieldNode:
		st := steps(n.Ident)
		eval = func(s *state, dot reflect.Value) (reflect.Value, error) {
			return chain(s, dot, dot, st, nil, reflect.Value{}, false)
		}
	case *parse.VariableNode:
		name, st := n.Ident[0], steps(n.Ident[1:])
		eval = func(s *state, dot reflect.Value) (reflect.Value, error) {
			v, err := s.varValue(name)
			if err != nil || len(st) == 0 {
				return v, err
			}
			return chain(s, dot, v, st, nil, reflect.Value{}, false)
		}
	case *parse.PipeNode:
		p, err := c.pipe(n)
		if err != nil {
			return nil, err
		}
		eval = func(s *state, dot reflect.Value) (reflect.Value, error) { return p(s, dot) }
	case *parse.IdentifierNode:
		f, err := c.function(n.Ident, &call{name: n.Ident})
		if err != nil {
			return nil, err
		}
		eval = func(s *state, dot reflect.Value) (reflect.Value, error) { return f(s, dot, reflect.Value{}, false) }
	case *parse.ChainNode:
		head, st, err := c.chainHead(n)
		if err != nil {
			return nil, err
		}
		eval = func(s *state, dot reflect.Value) (reflect.Value, error) {
			v, err := head(s, dot, nil)
			if err != nil {
				return v, err
			}
			return chain(s, dot, v, st, nil, reflect.Value{}, false)
		}
	}
	if eval != nil {
		return func(s *state, dot reflect.Value, typ reflect.Type) (reflect.Value, error) {
			v, err := eval(s, dot)
			if err != nil {
				return v, err
			}
			return validateType(v, typ)
		}, nil
	}
	switch n := n.(type) {
	case *parse.StringNode:
		text := reflect.ValueOf(n.Text)
		return func(_ *state, _ reflect.Value, typ reflect.Type) (reflect.Value, error) {
			switch {
			case typ == stringType || typ == anyType:
				return text, nil
			case typ == reflectValueType:
				return reflect.ValueOf(text), nil
			case typ.Kind() == reflect.String:
				return text.Convert(typ), nil
			}
			return reflect.Value{}, unsupported("string argument for a %s", typ)
		}, nil
	case *parse.NumberNode:
		v, err := idealConstant(n)
		if err != nil {
			return nil, err
		}
		return constantArg(v), nil
	case *parse.BoolNode:
		return constantArg(reflect.ValueOf(n.True)), nil
	}
	return nil, unsupported("argument %s", n)
}

// constantArg passes the constant v (a number or a bool) to a parameter of
// its own type, of type any, or of type reflect.Value; other parameters are
// left to text/template.
func constantArg(v reflect.Value) arg {
	return func(_ *state, _ reflect.Value, typ reflect.Type) (reflect.Value, error) {
		switch {
		case typ == v.Type() || typ == anyType:
			return v, nil
		case typ == reflectValueType:
			return reflect.ValueOf(v), nil
		}
		return reflect.Value{}, unsupported("%s argument for a %s", v.Type(), typ)
	}
}

// chainHead compiles the operand of (pipeline).Field1.Field2 and the steps after it.
func (c *compiler) chainHead(n *parse.ChainNode) (arg, []*fieldStep, error) {
	if len(n.Field) == 0 || n.Node.Type() == parse.NodeNil {
		return nil, nil, unsupported("chain %s", n)
	}
	head, err := c.arg(n.Node)
	if err != nil {
		return nil, nil, err
	}
	return head, steps(n.Field), nil
}

// validateType is text/template's check of a value passed as a typ.
func validateType(value reflect.Value, typ reflect.Type) (reflect.Value, error) {
	if !value.IsValid() {
		if typ == nil {
			return reflect.ValueOf(nil), nil
		}
		if canBeNil(typ) {
			return reflect.Zero(typ), nil
		}
		return reflect.Value{}, fmt.Errorf("invalid value; expected %s", typ)
	}
	if typ == reflectValueType && value.Type() != typ {
		return reflect.ValueOf(value), nil
	}
	if typ != nil && !value.Type().AssignableTo(typ) {
		if value.Kind() == reflect.Interface && !value.IsNil() {
			value = value.Elem()
			if value.Type().AssignableTo(typ) {
				return value, nil
			}
		}
		switch {
		case value.Kind() == reflect.Pointer && value.Type().Elem().AssignableTo(typ):
			value = value.Elem()
			if !value.IsValid() {
				return reflect.Value{}, fmt.Errorf("dereference of nil pointer of type %s", typ)
			}
		case reflect.PointerTo(value.Type()).AssignableTo(typ) && value.CanAddr():
			value = value.Addr()
		default:
			return reflect.Value{}, fmt.Errorf("wrong type for value; expected %s; got %s", typ, value.Type())
		}
	}
	return value, nil
}

// canBeNil tells whether an untyped nil can be assigned to typ.
func canBeNil(typ reflect.Type) bool {
	switch typ.Kind() {
	case reflect.Chan, reflect.Func, reflect.Interface, reflect.Map, reflect.Pointer, reflect.Slice:
		return true
	case reflect.Struct:
		return typ == reflectValueType
	}
	return false
}
