/** The build pipeline (load → check → plan → render → write), link checks, and atomic replacement of the output folder. */
package org.gazette.site;
