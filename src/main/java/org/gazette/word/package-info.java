/** Word and WPS drafts (.docx) read as articles: title, Markdown, pictures, and what could not be carried over. */
package org.gazette.word;
