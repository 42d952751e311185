package ua.igov.platform.store.internal;

/** The platform's database once its schema is current: a service inside this bundle, shared by the stores. */
interface Database {

    Jdbc jdbc();

    SqlDialect dialect();
}
