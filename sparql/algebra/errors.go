package algebra

import "errors"

// ErrTranslate is wrapped by errors for syntax trees the translation cannot handle (trees the
// parser never builds, such as a nil WHERE in a SELECT).
var ErrTranslate = errors.New("algebra: cannot translate")
