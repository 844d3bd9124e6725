package org.tafund.contributions;

import java.time.LocalDate;

/** The revaluation page's form: the period end to revalue at. */
record RevaluationForm(LocalDate periodEnd) implements java.io.Serializable {
}
