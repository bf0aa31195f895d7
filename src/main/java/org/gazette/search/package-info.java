/**
 * The site's own full-text search: the text of each article and report read from its page, cut
 * into terms (Chinese in overlapping pairs of characters, other scripts in words), and written as
 * a static index the search page loads piece by piece. The browser side is
 * {@code templates/assets/search.js}, which cuts queries the same way.
 */
package org.gazette.search;
