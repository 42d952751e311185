package ua.igov.platform.spi;

/**
 * What a channel knows about an earlier hand-over of a message, answered by {@link NotificationChannel#check}.
 *
 * @since 1.2
 */
public enum DeliveryCheck {

    /** The channel's server holds a message with this key: it was accepted, sending it again would repeat it. */
    DELIVERED,

    /** The channel can tell, and no message with this key was accepted: sending it now sends it once. */
    NOT_DELIVERED,

    /** The channel cannot tell (it keeps no record, or none is configured): the platform sends it again. */
    UNKNOWN
}
