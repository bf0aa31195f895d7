/** Pages from templates: the strict FreeMarker setup, per-language formatting for templates, URLs, the page list. */
package org.gazette.render;
