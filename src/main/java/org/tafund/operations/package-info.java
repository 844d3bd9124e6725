/**
 * What keeps the application running on its own: scheduled jobs that run once across instances
 * (a ShedLock row per job), their runs on the Operations page and in metrics.
 */
package org.tafund.operations;
