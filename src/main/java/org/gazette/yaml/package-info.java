/** Reading the user's text files: strict UTF-8, YAML trees that remember where each value was written, typed field access. */
package org.gazette.yaml;
