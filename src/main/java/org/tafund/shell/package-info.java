/**
 * The user-interface shell: layout, home page, navigation sections, language switch, error pages
 * and problem responses for the API, and the startup report. It holds no business data.
 */
package org.tafund.shell;
