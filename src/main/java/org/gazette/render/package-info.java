/** Pages from templates: the strict FreeMarker setup, per-language formatting for templates, URLs, the page list, charts, open data, sitemaps (the bulletin is {@code bulletin}). */
package org.gazette.render;
