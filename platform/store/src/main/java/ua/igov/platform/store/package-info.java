/**
 * Persistence of applications, their status history and the service types and forms they were made on.
 * Used by the core only; plugins never see it.
 */
@Version("0.19.0")
package ua.igov.platform.store;

import org.osgi.annotation.versioning.Version;
