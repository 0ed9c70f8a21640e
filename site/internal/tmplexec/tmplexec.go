// Package tmplexec executes text/template parse trees (those of
// html/template too, once it has escaped them) two to three times as fast as
// text/template (the site's pages, BenchmarkPageSteps): each tree is compiled once into Go closures, the fields and
// methods an action names are looked up once per type instead of at every
// execution, and the functions of the most common shapes are called without
// reflection.
//
// It covers the part of the template language the site's templates use: an
// Execute that meets anything else (a range over a map, a comparison of
// structs, a missing template, an error of any kind) stops with an error
// wrapping ErrUnsupported or the error met, and the caller executes the
// template with text/template instead, which gives the exact output or error.
// Where Execute succeeds, its output is text/template's, byte for byte
// (TestAsTextTemplate).
package tmplexec

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"text/template/parse"
)

// ErrUnsupported is wrapped by the errors of what this package leaves to
// text/template.
var ErrUnsupported = errors.New("left to text/template")

// Lookup returns the parse tree of the template name, nil if there is none.
type Lookup func(name string) *parse.Tree

// Fused stands for a run of functions that the pipelines call one after the
// other, each taking the value of the one before (as html/template's
// escapers of a context): Func returns what the run returns for its input.
type Fused struct {
	Names []string
	Func  func(any) string
	// String, if not nil, is Func for a value of type string, which it
	// takes without boxing it into an interface
	String func(string) string
}

// Program is a template compiled with the templates it calls.
type Program struct {
	root *tree
}

// tree is a compiled template; run is set once the body is compiled, so that
// a template may call itself.
type tree struct {
	name string
	run  node
}

// node writes a part of the template for dot.
type node func(s *state, dot reflect.Value) error

// compiler holds what a compilation needs.
type compiler struct {
	lookup Lookup
	funcs  map[string]reflect.Value
	fused  []Fused
	trees  map[string]*tree
}

// Compile compiles the template name and those it calls, with the
// functions funcs (name → Go function) and the runs fused. A template that
// uses a function, a node or a form this package does not execute fails with
// an error wrapping ErrUnsupported.
func Compile(lookup Lookup, name string, funcs map[string]any, fused []Fused) (*Program, error) {
	c := &compiler{lookup: lookup, funcs: map[string]reflect.Value{}, fused: fused, trees: map[string]*tree{}}
	for n, f := range funcs {
		v := reflect.ValueOf(f)
		if v.Kind() != reflect.Func {
			return nil, fmt.Errorf("function %s is a %s", n, v.Kind())
		}
		c.funcs[n] = v
	}
	t, err := c.tree(name)
	if err != nil {
		return nil, err
	}
	return &Program{root: t}, nil
}

// tree compiles the template name once.
func (c *compiler) tree(name string) (*tree, error) {
	if t, ok := c.trees[name]; ok {
		return t, nil
	}
	tr := c.lookup(name)
	if tr == nil || tr.Root == nil {
		return nil, unsupported("template %q is not defined", name)
	}
	t := &tree{name: name}
	c.trees[name] = t
	run, err := c.list(tr.Root)
	if err != nil {
		return nil, fmt.Errorf("template %s: %w", name, err)
	}
	t.run = run
	return t, nil
}

// unsupported is an error wrapping ErrUnsupported.
func unsupported(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrUnsupported}, args...)...)
}

// maxDepth is text/template's limit of nested template calls.
const maxDepth = 100000

// state is one execution: the output, the variables in scope, the depth of
// template calls.
type state struct {
	w     *bytes.Buffer
	vars  []variable
	base  int // the first variable of the template being executed ("$")
	depth int
}

// variable is a template variable and its value.
type variable struct {
	name  string
	value reflect.Value
}

// Execute writes the template for data into w. On an error, w may hold part
// of the output.
func (p *Program) Execute(w *bytes.Buffer, data any) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: panic %v", ErrUnsupported, r)
		}
	}()
	dot := reflect.ValueOf(data)
	s := states.Get().(*state)
	defer func() {
		clear(s.vars)
		*s = state{vars: s.vars[:0]}
		states.Put(s)
	}()
	s.w = w
	s.push("$", dot)
	return p.root.run(s, dot)
}

// states are the states of executions, used again: partials are executed
// many times a page.
var states = sync.Pool{New: func() any { return &state{vars: make([]variable, 0, 16)} }}

// mark and pop bound the variables of a block.
func (s *state) mark() int { return len(s.vars) }

func (s *state) pop(mark int) { s.vars = s.vars[:mark] }

// push declares a variable.
func (s *state) push(name string, v reflect.Value) { s.vars = append(s.vars, variable{name, v}) }

// varValue is the value of the variable name in scope.
func (s *state) varValue(name string) (reflect.Value, error) {
	for i := len(s.vars) - 1; i >= s.base; i-- {
		if s.vars[i].name == name {
			return s.vars[i].value, nil
		}
	}
	return reflect.Value{}, fmt.Errorf("undefined variable: %s", name)
}

// setVar assigns a declared variable.
func (s *state) setVar(name string, v reflect.Value) error {
	for i := len(s.vars) - 1; i >= s.base; i-- {
		if s.vars[i].name == name {
			s.vars[i].value = v
			return nil
		}
	}
	return fmt.Errorf("undefined variable: %s", name)
}

// errBreak and errContinue carry {{break}} and {{continue}} to their range.
var (
	errBreak    = errors.New("break outside range")
	errContinue = errors.New("continue outside range")
)

// list compiles a list of nodes.
func (c *compiler) list(l *parse.ListNode) (node, error) {
	if l == nil {
		return func(*state, reflect.Value) error { return nil }, nil
	}
	var nodes []node
	for _, n := range l.Nodes {
		if _, ok := n.(*parse.CommentNode); ok {
			continue
		}
		cn, err := c.node(n)
		if err != nil {
			return nil, err
		}
		nodes = append(nodes, cn)
	}
	switch len(nodes) {
	case 0:
		return func(*state, reflect.Value) error { return nil }, nil
	case 1:
		return nodes[0], nil
	}
	return func(s *state, dot reflect.Value) error {
		for _, n := range nodes {
			if err := n(s, dot); err != nil {
				return err
			}
		}
		return nil
	}, nil
}

// node compiles one node of a list.
func (c *compiler) node(n parse.Node) (node, error) {
	switch n := n.(type) {
	case *parse.TextNode:
		text := n.Text
		return func(s *state, _ reflect.Value) error { s.w.Write(text); return nil }, nil
	case *parse.ActionNode:
		return c.action(n)
	case *parse.IfNode:
		return c.ifOrWith(&n.BranchNode, false)
	case *parse.WithNode:
		return c.ifOrWith(&n.BranchNode, true)
	case *parse.RangeNode:
		return c.rangeNode(n)
	case *parse.TemplateNode:
		return c.template(n)
	case *parse.BreakNode:
		return func(*state, reflect.Value) error { return errBreak }, nil
	case *parse.ContinueNode:
		return func(*state, reflect.Value) error { return errContinue }, nil
	}
	return nil, unsupported("node %s", n)
}

// action compiles {{pipeline}}: its value is printed unless it declares variables.
func (c *compiler) action(n *parse.ActionNode) (node, error) {
	if p, ok := c.stringPipe(n.Pipe); ok {
		return func(s *state, dot reflect.Value) error {
			str, err := p(s, dot)
			s.w.WriteString(str)
			return err
		}, nil
	}
	p, err := c.pipe(n.Pipe)
	if err != nil {
		return nil, err
	}
	if len(n.Pipe.Decl) > 0 {
		return func(s *state, dot reflect.Value) error { _, err := p(s, dot); return err }, nil
	}
	return func(s *state, dot reflect.Value) error {
		v, err := p(s, dot)
		if err != nil {
			return err
		}
		return s.print(v)
	}, nil
}

// print writes v as text/template prints a value.
func (s *state) print(v reflect.Value) error {
	if v.Kind() == reflect.String && v.Type() == stringType {
		s.w.WriteString(v.String())
		return nil
	}
	iface, ok := printableValue(v)
	if !ok {
		return fmt.Errorf("can't print value of type %s", v.Type())
	}
	_, err := fmt.Fprint(s.w, iface)
	return err
}

// printableValue is text/template's: the value fmt prints for v.
func printableValue(v reflect.Value) (any, bool) {
	if v.Kind() == reflect.Pointer {
		v, _ = indirect(v)
	}
	if !v.IsValid() {
		return "<no value>", true
	}
	if !v.Type().Implements(errorType) && !v.Type().Implements(fmtStringerType) {
		if v.CanAddr() && (reflect.PointerTo(v.Type()).Implements(errorType) || reflect.PointerTo(v.Type()).Implements(fmtStringerType)) {
			v = v.Addr()
		} else {
			switch v.Kind() {
			case reflect.Chan, reflect.Func:
				return nil, false
			}
		}
	}
	return v.Interface(), true
}

// branches compiles the pipeline, the list and the else list (nil when
// there is none) of an if, a with or a range.
func (c *compiler) branches(b *parse.BranchNode) (p pipeFunc, list, elseList node, err error) {
	if p, err = c.pipe(b.Pipe); err != nil {
		return nil, nil, nil, err
	}
	if list, err = c.list(b.List); err != nil {
		return nil, nil, nil, err
	}
	if b.ElseList != nil {
		if elseList, err = c.list(b.ElseList); err != nil {
			return nil, nil, nil, err
		}
	}
	return p, list, elseList, nil
}

// ifOrWith compiles {{if}} and {{with}}.
func (c *compiler) ifOrWith(b *parse.BranchNode, with bool) (node, error) {
	p, list, elseList, err := c.branches(b)
	if err != nil {
		return nil, err
	}
	return func(s *state, dot reflect.Value) error {
		mark := s.mark()
		err := branch(s, dot, p, list, elseList, with)
		s.pop(mark)
		return err
	}, nil
}

// branch runs list (with the pipeline's value as dot for a with) or
// elseList, as the value of p is true or not.
func branch(s *state, dot reflect.Value, p pipeFunc, list, elseList node, with bool) error {
	val, err := p(s, dot)
	if err != nil {
		return err
	}
	truth, ok := isTrue(indirectInterface(val))
	if !ok {
		return fmt.Errorf("if/with can't use %v", val)
	}
	if truth {
		if with {
			return list(s, val)
		}
		return list(s, dot)
	}
	if elseList != nil {
		return elseList(s, dot)
	}
	return nil
}

// rangeNode compiles {{range}} over slices and arrays; other values are
// left to text/template.
func (c *compiler) rangeNode(r *parse.RangeNode) (node, error) {
	p, body, elseList, err := c.branches(&r.BranchNode)
	if err != nil {
		return nil, err
	}
	decl := r.Pipe.Decl
	if r.Pipe.IsAssign && len(decl) > 0 {
		return nil, unsupported("range assigning variables")
	}
	return func(s *state, dot reflect.Value) error {
		outer := s.mark()
		err := ranging(s, dot, p, body, elseList, len(decl))
		s.pop(outer)
		return err
	}, nil
}

// ranging runs body for each element of the value of p, or elseList when
// it has none; decl is the number of variables the range declares.
func ranging(s *state, dot reflect.Value, p pipeFunc, body, elseList node, decl int) error {
	v, err := p(s, dot)
	if err != nil {
		return err
	}
	val, _ := indirect(v)
	mark := s.mark()
	switch val.Kind() {
	case reflect.Array, reflect.Slice:
		if val.Len() == 0 {
			break
		}
		for i := 0; i < val.Len(); i++ {
			elem := val.Index(i)
			if decl > 0 {
				s.vars[mark-1].value = elem
			}
			if decl > 1 {
				s.vars[mark-2].value = reflect.ValueOf(i)
			}
			err := body(s, elem)
			s.pop(mark)
			if err == errBreak {
				break
			}
			if err != nil && err != errContinue {
				return err
			}
		}
		return nil
	case reflect.Invalid:
		// an invalid value ranges over nothing
	default:
		return unsupported("range over %s", val.Kind())
	}
	if elseList != nil {
		return elseList(s, dot)
	}
	return nil
}

// template compiles {{template "name" pipeline}}.
func (c *compiler) template(n *parse.TemplateNode) (node, error) {
	t, err := c.tree(n.Name)
	if err != nil {
		return nil, err
	}
	p, err := c.pipe(n.Pipe)
	if err != nil {
		return nil, err
	}
	return func(s *state, dot reflect.Value) error {
		if s.depth == maxDepth {
			return unsupported("exceeded maximum template depth")
		}
		if p != nil {
			v, err := p(s, dot)
			if err != nil {
				return err
			}
			dot = v
		} else {
			dot = reflect.Value{}
		}
		// no dynamic scoping: the template sees only "$", its dot
		base := s.base
		s.base = len(s.vars)
		s.push("$", dot)
		s.depth++
		err := t.run(s, dot)
		s.depth--
		s.pop(s.base)
		s.base = base
		if err == errBreak || err == errContinue {
			return unsupported("break or continue outside range")
		}
		return err
	}, nil
}

// isTrue is text/template's truth of a value.
func isTrue(val reflect.Value) (truth, ok bool) {
	if !val.IsValid() {
		return false, true
	}
	switch val.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		truth = val.Len() > 0
	case reflect.Bool:
		truth = val.Bool()
	case reflect.Complex64, reflect.Complex128:
		truth = val.Complex() != 0
	case reflect.Chan, reflect.Func, reflect.Pointer, reflect.UnsafePointer, reflect.Interface:
		truth = !val.IsNil()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		truth = val.Int() != 0
	case reflect.Float32, reflect.Float64:
		truth = val.Float() != 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		truth = val.Uint() != 0
	case reflect.Struct:
		truth = true
	default:
		return
	}
	return truth, true
}

// truth is isTrue of v once out of its interface.
func truth(v reflect.Value) bool {
	t, _ := isTrue(indirectInterface(v))
	return t
}

// indirect follows pointers and interfaces to the value they hold, or to
// the first nil one (isNil).
func indirect(v reflect.Value) (rv reflect.Value, isNil bool) {
	for ; v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface; v = v.Elem() {
		if v.IsNil() {
			return v, true
		}
	}
	return v, false
}

// indirectInterface returns the value an interface holds, or v.
func indirectInterface(v reflect.Value) reflect.Value {
	if v.Kind() != reflect.Interface {
		return v
	}
	if v.IsNil() {
		return reflect.Value{}
	}
	return v.Elem()
}

var (
	errorType        = reflect.TypeFor[error]()
	fmtStringerType  = reflect.TypeFor[fmt.Stringer]()
	reflectValueType = reflect.TypeFor[reflect.Value]()
	stringType       = reflect.TypeFor[string]()
	anyType          = reflect.TypeFor[any]()
)

// joinNames is the names of a fused run, for messages.
func joinNames(names []string) string { return strings.Join(names, " | ") }
