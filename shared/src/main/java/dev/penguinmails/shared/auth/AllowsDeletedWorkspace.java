package dev.penguinmails.shared.auth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a workspace endpoint that still answers while the workspace is soft-deleted (restoring it,
 * for one). Every other workspace endpoint treats a deleted workspace as absent (404).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD})
public @interface AllowsDeletedWorkspace {
}
