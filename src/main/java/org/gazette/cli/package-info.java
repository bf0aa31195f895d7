/** The command line: {@code gazette build} and {@code gazette check}; thin glue over {@link org.gazette.site.Build}. */
package org.gazette.cli;
