/** Reading built HTML as a browser's tokenizer does: tags, attributes, text and character references. */
package org.gazette.html;
