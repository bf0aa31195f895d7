/** The year as immutable records (report, figures, honours, plans, articles) and the loader that reads them from {@code content/}. */
package org.gazette.content;
