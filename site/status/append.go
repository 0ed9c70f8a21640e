package status

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// Append returns the status file src with e added as the last entry of
// e.ID (a new identifier goes at the end of the file). It edits the file's
// YAML node tree, so comments, the order of identifiers and keys, and the
// quoting of values stay as they were; the indentation is the file's own.
// Blank lines are not kept: the YAML library does not record them.
func Append(src []byte, e Entry) ([]byte, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, fmt.Errorf("the status file is not valid YAML (%v); fix it first (factsheet check tells where)", err)
	}
	if len(doc.Content) == 0 {
		// empty, or comments only (which the library drops): they stay
		// as they are, the new mapping follows them
		doc = yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{{Kind: yaml.MappingNode, Tag: "!!map"}}}
		listOf(doc.Content[0], e.ID).Content = []*yaml.Node{entryNode(e)}
		out, err := encode(&doc, 2)
		if err != nil || len(bytes.TrimSpace(src)) == 0 {
			return out, err
		}
		if !commentsOnly(src) {
			return nil, fmt.Errorf("the status file holds no identifier, yet is not only comments; fix it first (factsheet check tells where)")
		}
		if !bytes.HasSuffix(src, []byte("\n")) {
			src = append(src, '\n')
		}
		return append(append([]byte{}, src...), out...), nil
	}
	root := doc.Content[0]
	if isNull(root) {
		*root = yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", HeadComment: root.HeadComment, FootComment: root.FootComment}
	}
	if root.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("the status file does not map identifiers to lists of entries; fix it first (factsheet check tells where)")
	}
	list := listOf(root, e.ID)
	if list.Kind != yaml.SequenceNode {
		return nil, fmt.Errorf("the entries of %s are not a list; fix the file first (factsheet check tells where)", e.ID)
	}
	list.Content = append(list.Content, entryNode(e))
	return encode(&doc, indentOf(root))
}

// encode writes the YAML document with the given indentation.
func encode(doc *yaml.Node, indent int) ([]byte, error) {
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(indent)
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// commentsOnly tells whether src is UTF-8 text of comments, blank lines and
// document markers only.
func commentsOnly(src []byte) bool {
	if !utf8.Valid(src) {
		return false
	}
	for _, line := range strings.Split(string(src), "\n") {
		l := strings.TrimSpace(line)
		if l != "" && !strings.HasPrefix(l, "#") && l != "---" && l != "..." {
			return false
		}
	}
	return true
}

// listOf returns the list of entries of id in root, adding an empty one at
// the end when id has none.
func listOf(root *yaml.Node, id string) *yaml.Node {
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == id {
			v := root.Content[i+1]
			if isNull(v) {
				*v = yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", LineComment: v.LineComment}
			}
			return v
		}
	}
	list := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
	root.Content = append(root.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: id}, list)
	return list
}

// entryNode is the mapping of an entry, keys in the order of Keys, empty
// optional values left out.
func entryNode(e Entry) *yaml.Node {
	m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	for _, kv := range [][2]string{{"date", e.Date}, {"state", string(e.State)}, {"source", e.Source}, {"note", e.Note}, {"link", e.Link}} {
		if kv[1] == "" {
			continue
		}
		tag := "!!str"
		if kv[0] == "date" {
			tag = "!!timestamp" // written plain, as people write dates
		}
		m.Content = append(m.Content,
			&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: kv[0]},
			&yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: kv[1]})
	}
	return m
}

// indentOf is the indentation the file uses: the column of the first list
// below an identifier, relative to the identifier; 2 when there is none.
func indentOf(root *yaml.Node) int {
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if v.Kind == yaml.SequenceNode && len(v.Content) > 0 {
			// yaml.v3 writes the indent, then "- ", then the entry's
			// first key, whose column the node records
			if d := v.Content[0].Column - k.Column - 2; d >= 2 {
				return d
			}
		}
	}
	return 2
}
