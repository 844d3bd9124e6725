/**
 * Value types and base classes every module may use: the audited entity base, typed not-found and
 * business-rule exceptions. No beans live here and it depends on no other module.
 */
package org.tafund.shared;
