// Package factsheet holds the model of a Lanzarote Committee factsheet and the
// parser that rebuilds it from the Markdown text converted from the PDF.
//
// # The file
//
// A factsheet file is a YAML front matter block between two '---' lines (title,
// party, slug, language, last_update, report, optional base_url, and links: a
// map from a link's text to its address, or null for a link deliberately
// without one), followed by the converted text, unchanged. The keys are the
// yaml tags of Meta; any other key is reported with the known key it probably
// stands for. The text is parsed with goldmark; this package works on goldmark's
// tree and on source positions, never on a Markdown parser of its own.
//
// # The grammar of the converted text
//
// Chapter: a heading, at any level, whose text is a Roman numeral, a full stop
// and a title ("## II. Legal frameworks", "### III. Investigations and
// prosecution"). Everything before the first chapter is the title block and
// the dotted table of contents: not content. Its "Last update: DD.MM.YYYY"
// line is checked against last_update (or fills it in), its "FACTSHEET –
// PARTY" heading against party and title. A chapter the table of contents
// lists without a heading in the text is one problem; a heading with the next
// numeral but no full stop ("## V International cooperation") is read as that
// chapter, with a warning.
//
// Section: a heading inside a chapter, at any level, bold or not, whose text
// starts with "Observations ... specific to" (specific: addressed to the party
// alone), "Generic recommendations" (generic: addressed to all Parties),
// "Promising practice" or "Key findings". Any other heading is a sub-heading of
// the current section. Text before the first section is the chapter's opening.
//
// Footnote reference: "<sup>N</sup>" or "<sup>N,M</sup>" in the text. The
// conversion fused some adjacent references: a number beyond the next expected
// one, whose digits spell the run of expected numbers that all have a
// definition ("45" where 4 is expected), is split into that run.
//
// Footnote definition: a paragraph starting with "<sup>N</sup>", wherever a
// page break put it, in any order; a paragraph may hold several, one a line.
//
// Page-break artefact: a "---" rule, and the footnote definitions around it,
// cut the text of the page. The parser removes them and stitches the text:
//   - a paragraph or last list item that stops mid-sentence (no closing
//     punctuation) continues with the next paragraph;
//   - a list goes on with the list that follows it across a page break, or
//     right after a stitched fragment;
//   - a list item with an unclosed parenthesis that stops mid-sentence
//     continues with the next item when that one starts in lower case and
//     closes the parenthesis ("- at these levels).");
//   - a heading followed, across a page break, by a paragraph or heading
//     starting in lower case continues with it;
//   - a text cut before a number and a full stop ("in March" / "2022. Parties
//     are ..."), which Markdown reads as a numbered list, continues with it,
//     the number put back, unless it goes on with a numbered list before it;
//   - a definition that stops mid-sentence continues with its rest, a
//     paragraph without references that ends a sentence, found by its place:
//     run over into the next page's footnote area (after its rule, before its
//     definitions, or alone after the rule when the text before it is
//     complete or goes on after it), or stranded just before the footnote
//     area of its own page ("programmes." between a bullet cut mid-sentence
//     and the definitions). A stranded rest in upper case is taken only where
//     nothing else can stand there: the text before it goes on after the
//     definitions, or it stands between a heading or a lead-in and what they
//     introduce, or it completes a footnote naming recommendations
//     ("Recommendations X-5," and "X-6."). Otherwise the definition stays cut
//     and a warning names the paragraph that may be its rest.
//
// Recommendation: a paragraph or list item carrying a reference to a footnote
// whose whole text names recommendations: "Recommendation X-N",
// "Recommendations X-N and X-M", "Recommendations X-N, X-M, ...". All the
// identifiers named in one text share it; when they are named at several
// references, one of them mid-sentence, each reference closes the words that
// are its identifiers' own (Part). A list item where such a reference
// follows a full stop and more text follows it holds two recommendations fused
// by the conversion; it is split into two items. Other footnotes ("Para. 50")
// stay attached to the text they annotate.
//
// Urgency: the bold verb (**requires**, **requests**, **invites**) inside the
// recommendation's own text; or else the bold verb of the lead-in, the
// paragraph ending with ":" right before its list, which then is the
// recommendation's lead-in. Sub-items are part of their parent's text, unless
// every one carries its own naming reference: then each is a recommendation
// with the parent's verb, and the parent's text as lead-in. The words of the
// levels and their meanings are read from the introduction's list of
// definitions (**"Require"**: when ...).
//
// Article of the Convention: "Article 25(6)", "Art. 25(2)", "Articles 5, 6
// and 8" in a recommendation's text, its lead-in or the headings above it in
// its section (see ArticlesIn); one followed by "of" and another instrument
// ("of the UN Convention ...") is left out. In French: "article 25(6)",
// "articles 5, 6 et 8", and "de la Convention européenne ..." left out. The front matter's optional
// convention key gives the address of the Convention's text.
//
// Link placeholder: "[text](#)". Its address comes from the front matter's
// links map, by link text; without one, the link becomes plain text.
//
// Words: the words above are those of an English factsheet. The grammar's
// words in each language (the "FACTSHEET – PARTY" heading, the "Last update"
// line, the section headings, the footnotes naming recommendations, the
// urgency verbs, the default levels and the references to Articles) are
// data, grammar/<lang>.json, chosen by the front matter's language: a
// French factsheet has "FICHE D’INFORMATION – RURITANIE", "Dernière mise à jour : 25.05.2023",
// "Observations et recommandations spécifiques à ...", "Recommandations
// générales", "Principales conclusions", "Recommandations III-16 et III-18"
// and **exige**, **demande**, **invite**. A language without a file gets the
// English words, with a warning. A legend whose words the vocabulary does
// not know, in a list of exactly three definitions, still gives the levels,
// strongest first, and its words are then the file's urgency verbs.
//
// Whatever the parser cannot place is a Problem at a position: errors make the
// file unusable (no front matter, invalid YAML or UTF-8, no chapter); warnings
// say what was rendered as best it could (a reference without definition, a
// definition never referenced, a recommendation without urgency, an identifier
// named twice, an orphan fragment, a link without address).
package factsheet
