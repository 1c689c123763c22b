/**
 * What every module shares and nothing owns: the database and its dialect, the clock, ids, the caller of a
 * request, list pages and the RFC 9457 problem mapping.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.orderkeep.platform;
