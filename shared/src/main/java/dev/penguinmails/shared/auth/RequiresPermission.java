package dev.penguinmails.shared.auth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a workspace-scoped endpoint with the permission it needs. The caller must be a member of the
 * workspace in the path (or hold a key for it) with a role, or key scope, that grants the permission.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD})
public @interface RequiresPermission {
    Permission value();
}
