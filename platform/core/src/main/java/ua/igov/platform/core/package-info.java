/**
 * The platform's own services, used by its REST and console bundles (never by plugins, which see only the SPI).
 * Answers are immutable views; failures a caller can act on are {@link ua.igov.platform.core.ProblemException}s.
 */
@Version("0.16.0")
package ua.igov.platform.core;

import org.osgi.annotation.versioning.Version;
