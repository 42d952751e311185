/**
 * The plugin SPI of the iGov platform: the one package a region or service plugin compiles against.
 *
 * <p>A <b>region plugin</b> is data: a bundle whose manifest names its catalogue file in the
 * {@value ua.igov.platform.spi.RegionCatalogue#MANIFEST_HEADER} header; the core reads it when the bundle starts and
 * drops it when the bundle stops. A <b>service plugin</b> registers a {@link ua.igov.platform.spi.ServiceType} OSGi
 * service that brings a JSON Schema form and a {@link ua.igov.platform.spi.SubmissionHandler}.
 *
 * <p>The package follows semantic versioning: a plugin built against 1.x runs on any 1.y with y &ge; x.
 * 1.1 adds notifications and escalation rules (additions only; 1.0 plugins keep working).
 * 1.2 adds {@link ua.igov.platform.spi.NotificationChannel#check} and {@link ua.igov.platform.spi.SmsGateway#check},
 * default methods, so a channel that can tell is asked before a message in doubt is sent again (1.1 channels keep
 * working and are sent again, as before).
 * 1.3 adds {@link ua.igov.platform.spi.Workflow#LONGEST_TERM}: a workflow's terms must be 0 to that many working
 * days (a plugin with a term outside them is refused when it arrives, not served with deadlines nobody can meet).
 * Strictly that narrowed what 1.2 accepted: a 1.2 plugin with such a term, which was served with a deadline nobody
 * could meet, is refused from 1.3 on.
 * 1.4 adds {@link ua.igov.platform.spi.UkrainianIds#birthDateInTaxNumber} and
 * {@link ua.igov.platform.spi.UkrainianIds#taxNumberProblem}: a taxpayer number checked against the date of birth;
 * and {@link ua.igov.platform.spi.ServiceType#contactEmailField} and
 * {@link ua.igov.platform.spi.ServiceType#contactPhoneField}, default methods: the form's own fields for the
 * citizen's messages (a 1.3 plugin's citizens are written to as before, at the request's contact only). From 1.4
 * a part of a {@link ua.igov.platform.spi.NotificationTemplate} left blank is the platform's text for it.
 * 1.5 adds {@link ua.igov.platform.spi.DeliveryException#outcomeUnknown(String, Throwable)}: a channel that cannot
 * tell whether a failed send reached its server says so, and the platform asks its {@code check} before sending
 * again (a 1.4 channel's temporary failures are retried as before).
 * 1.6 adds {@link ua.igov.platform.spi.SubsistenceMinimum}: the figure the law sets most fees as shares of, by year,
 * so a service's fee follows each January's figure instead of a number typed into the plugin; and
 * {@link ua.igov.platform.spi.Submission#submittedAt}, so a fee computed again on an answer is the one of the day the
 * citizen applied (the four-argument constructor stays).
 */
@Version("1.6.0")
package ua.igov.platform.spi;

import org.osgi.annotation.versioning.Version;
