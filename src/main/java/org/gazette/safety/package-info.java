/** What may reach a published page: the one filter every URL the build emits passes through. */
package org.gazette.safety;
