package render

import (
	"html/template"
	"strconv"
	"text/template/parse"

	"factsheet/site/i18n"
)

// foldMessages replaces, in every template of set, each call of t whose
// arguments are all quoted strings ({{t "rec.urgency"}}) by the message it
// writes, as a quoted string: the page escapes it as before, but the
// message is looked up once, when the templates are parsed, instead of by a
// function call on every page. A call of a key that cat lacks is left as it
// is, to fail the page that makes it.
func foldMessages(set *template.Template, cat *i18n.Catalogue) {
	for _, tm := range set.Templates() {
		if tm.Tree != nil {
			foldNode(tm.Tree.Root, cat)
		}
	}
}

// foldNode folds the calls of t of n and of the nodes under it.
func foldNode(n parse.Node, cat *i18n.Catalogue) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			foldNode(c, cat)
		}
	case *parse.ActionNode:
		foldPipe(n.Pipe, cat)
	case *parse.TemplateNode:
		foldPipe(n.Pipe, cat)
	case *parse.IfNode:
		foldBranch(&n.BranchNode, cat)
	case *parse.RangeNode:
		foldBranch(&n.BranchNode, cat)
	case *parse.WithNode:
		foldBranch(&n.BranchNode, cat)
	}
}

// foldBranch folds the calls of t of an if, range or with.
func foldBranch(b *parse.BranchNode, cat *i18n.Catalogue) {
	foldPipe(b.Pipe, cat)
	foldNode(b.List, cat)
	foldNode(b.ElseList, cat)
}

// foldPipe folds the calls of t of a pipeline and of the pipelines of its arguments.
func foldPipe(p *parse.PipeNode, cat *i18n.Catalogue) {
	if p == nil {
		return
	}
	for _, c := range p.Cmds {
		for _, a := range c.Args {
			if sub, ok := a.(*parse.PipeNode); ok {
				foldPipe(sub, cat)
			}
		}
		if s, ok := message(c, cat); ok {
			c.Args = []parse.Node{&parse.StringNode{NodeType: parse.NodeString, Pos: c.Pos, Quoted: strconv.Quote(s), Text: s}}
		}
	}
}

// message is what the command c writes when it is a call of t with quoted
// strings only, and the catalogue has its key.
func message(c *parse.CommandNode, cat *i18n.Catalogue) (string, bool) {
	if len(c.Args) < 2 {
		return "", false
	}
	if f, ok := c.Args[0].(*parse.IdentifierNode); !ok || f.Ident != "t" {
		return "", false
	}
	args := make([]any, len(c.Args)-1)
	for i, a := range c.Args[1:] {
		s, ok := a.(*parse.StringNode)
		if !ok {
			return "", false
		}
		args[i] = s.Text
	}
	s, err := cat.Message(args[0].(string), args[1:]...)
	return s, err == nil
}
