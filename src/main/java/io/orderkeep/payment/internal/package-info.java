/** How payments work inside the module: opening attempts, applying providers' answers, the watch. */
package io.orderkeep.payment.internal;
