package render

import (
	"html/template"
	"reflect"
	"strings"

	"factsheet/site/factsheet"
)

// chrome is what the layout's header and footer show ("layout-top" and
// "layout-bottom" of layout.html): the same on every page of a factsheet at
// one depth, so that they are rendered once for those pages (see frames).
// The two templates see only these fields: one they would use besides them
// would fail the page, not show another page's value.
type chrome struct {
	Root         string
	Slug         string
	SiteTitle    string
	Home         string
	Single       bool
	SeriesSearch bool
	AllSearch    bool
	Messages     string
	LangScripts  []string
	Alternates   []alternate // the language switch
	Feed         string
	Levels       []factsheet.Level
	Styles       []string
	Scripts      []string
	Facts        *sourceLinks // nil outside a factsheet
}

// sourceLinks are the page facts the footer shows (see the "source" template).
type sourceLinks struct {
	Source   string
	Glossary string
}

// chrome returns what the page's header and footer show.
func (p *page) chrome() chrome {
	c := chrome{
		Root: p.Root, Slug: p.Slug, SiteTitle: p.SiteTitle, Home: p.Home, Single: p.Single,
		SeriesSearch: p.SeriesSearch, AllSearch: p.AllSearch, Messages: p.Messages,
		LangScripts: p.LangScripts, Alternates: p.Alternates, Feed: p.Feed, Levels: p.Levels,
		Styles: p.Styles, Scripts: p.Scripts,
	}
	if p.Facts != nil {
		c.Facts = &sourceLinks{Source: p.Facts.Source, Glossary: p.Facts.Glossary}
	}
	return c
}

// frame is a chrome rendered: the header part and the footer part.
type frame struct{ top, bottom template.HTML }

// frames holds the frames rendered, each with its chrome, and the items of
// breadcrumbs rendered. A frames serves one goroutine.
type frames struct {
	seen   []framed
	crumbs map[link]template.HTML
}

// framed is a frame with the chrome it was rendered from.
type framed struct {
	c chrome
	f frame
}

// of returns the frame of a chrome equal to c (every field a template can
// read, pointers followed), if one was rendered.
func (fs *frames) of(c chrome) (frame, bool) {
	for _, s := range fs.seen {
		if reflect.DeepEqual(s.c, c) {
			return s.f, true
		}
	}
	return frame{}, false
}

// frame sets the page's Top and Bottom from its chrome, rendered or taken
// from fs (which may be nil: nothing remembered); a layout that does not
// define them gets none.
func (t *templates) frame(p *page, fs *frames) error {
	if t.base.Lookup("layout-top") == nil || t.base.Lookup("layout-bottom") == nil {
		return nil
	}
	c := p.chrome()
	if fs != nil {
		if f, ok := fs.of(c); ok {
			p.Top, p.Bottom = f.top, f.bottom
			return nil
		}
	}
	var f frame
	var err error
	if f.top, err = t.partial("layout-top", c); err != nil {
		return err
	}
	if f.bottom, err = t.partial("layout-bottom", c); err != nil {
		return err
	}
	if fs != nil {
		fs.seen = append(fs.seen, framed{c, f})
	}
	p.Top, p.Bottom = f.top, f.bottom
	return nil
}

// trail sets the page's Trail from its Crumbs, each item rendered or taken
// from fs (which may be nil): the pages of a factsheet share most of theirs.
func (t *templates) trail(p *page, fs *frames) error {
	if len(p.Crumbs) == 0 || t.base.Lookup("crumb") == nil {
		return nil
	}
	var b strings.Builder
	for _, c := range p.Crumbs {
		h, ok := fs.crumb(c)
		if !ok {
			var err error
			if h, err = t.partial("crumb", c); err != nil {
				return err
			}
			fs.keepCrumb(c, h)
		}
		b.WriteString(string(h))
	}
	p.Trail = template.HTML(b.String())
	return nil
}

// crumb returns the item of c, if one was rendered.
func (fs *frames) crumb(c link) (template.HTML, bool) {
	if fs == nil {
		return "", false
	}
	h, ok := fs.crumbs[c]
	return h, ok
}

// keepCrumb remembers the item of c.
func (fs *frames) keepCrumb(c link, h template.HTML) {
	if fs == nil {
		return
	}
	if fs.crumbs == nil {
		fs.crumbs = map[link]template.HTML{}
	}
	fs.crumbs[c] = h
}
