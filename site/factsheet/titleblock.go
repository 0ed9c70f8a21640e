package factsheet

import (
	"fmt"
	"strings"
	"time"
)

// readTitleBlock reads what comes before chapter I: the "FACTSHEET – PARTY"
// heading and the "Last update: DD.MM.YYYY" line (in the words of the file's
// language, see Vocabulary), checked against the front matter, and the
// table of contents.
func (p *fileParser) readTitleBlock(b *Block) {
	switch b.Kind {
	case BlockHeading:
		if m := p.vocab.party.FindStringSubmatch(textOf(b.Text)); m != nil {
			p.checkParty(b, normalizeSpace(m[1]))
		}
	case BlockParagraph:
		if m := p.vocab.lastUpdate.FindStringSubmatch(textOf(b.Text)); m != nil {
			p.checkLastUpdate(b, fmt.Sprintf("%s-%02s-%02s", m[3], m[2], m[1]))
			return
		}
		p.readTOC(b)
	case BlockList:
		p.readTOC(b)
	}
}

// keyPos is the position of a front matter key, where a disagreement with
// the text is to be fixed.
func (p *fileParser) keyPos(key string) Pos {
	return p.doc.KeyPos(key)
}

// checkLastUpdate compares the text's last update with the front matter's,
// and takes it as last_update when the front matter has none.
func (p *fileParser) checkLastUpdate(b *Block, date string) {
	if _, err := time.Parse("2006-01-02", date); err != nil {
		return
	}
	switch p.doc.Meta.LastUpdate {
	case "":
		p.doc.Meta.LastUpdate = date
	case date:
	default:
		p.warnf(p.keyPos("last_update"), "last_update %s disagrees with the text's \"Last update\" line (line %d), which says %s: make last_update agree with the text",
			p.doc.Meta.LastUpdate, b.Pos.Line, date)
	}
}

// checkParty compares the party named by the "FACTSHEET – PARTY" heading
// with the front matter's party and title.
func (p *fileParser) checkParty(b *Block, party string) {
	m := p.doc.Meta
	if m.Party != "" && !strings.EqualFold(m.Party, party) {
		p.warnf(p.keyPos("party"), "party %q disagrees with the heading %q (line %d): make party agree with the text",
			m.Party, textOf(b.Text), b.Pos.Line)
	}
	if m.Title != "" && !strings.Contains(strings.ToLower(normalizeSpace(m.Title)), strings.ToLower(party)) {
		p.warnf(p.keyPos("title"), "title %q does not name %s, the party of the heading %q (line %d): make title agree with the text",
			m.Title, party, textOf(b.Text), b.Pos.Line)
	}
}
