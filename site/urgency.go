package site

import (
	"fmt"
	"strings"

	"factsheet/site/factsheet"
)

// checkUrgencies refuses to publish recommendations whose urgency the parser
// did not find, unless allowed (-allow-no-urgency): their pages would show
// "Urgency not found" instead of the Committee's word.
func checkUrgencies(docs []*factsheet.Document, allow bool) error {
	if allow {
		return nil
	}
	var missing []string
	for _, doc := range docs {
		for _, r := range doc.Recommendations {
			if r.Urgency == "" {
				missing = append(missing, fmt.Sprintf("%s (%s)", r.ID(), r.Pos))
			}
		}
	}
	if len(missing) == 0 {
		return nil
	}
	return fmt.Errorf("build stopped: no urgency found for recommendation(s) %s: fix the text or report the artefact, "+
		"or pass -allow-no-urgency to publish them as \"urgency not found\"", strings.Join(missing, ", "))
}
