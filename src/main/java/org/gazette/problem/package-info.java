/** Problems in the user's sources: a position, what is wrong, how to fix it; and a collector for many. */
package org.gazette.problem;
