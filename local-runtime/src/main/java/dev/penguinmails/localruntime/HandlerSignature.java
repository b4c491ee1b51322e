package dev.penguinmails.localruntime;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The input and output types of a {@link RequestHandler}, read from its generic interface the way the
 * Lambda runtime reads them, following type variables through superclasses such as
 * {@code MicronautRequestHandler<I, O>}.
 */
public record HandlerSignature(Type input, Type output) {

    /** Resolves {@code I} and {@code O} of {@code RequestHandler<I, O>} for {@code handlerClass}. */
    public static HandlerSignature of(Class<?> handlerClass) {
        if (!RequestHandler.class.isAssignableFrom(handlerClass)) {
            throw new IllegalArgumentException(handlerClass.getName() + " does not implement RequestHandler");
        }
        Type[] args = search(handlerClass, Map.of())
                .orElse(new Type[] {Object.class, Object.class});
        return new HandlerSignature(args[0], args[1]);
    }

    private static Optional<Type[]> search(Class<?> type, Map<TypeVariable<?>, Type> bindings) {
        for (Type itf : type.getGenericInterfaces()) {
            Optional<Type[]> found = visit(itf, bindings);
            if (found.isPresent()) {
                return found;
            }
        }
        Type superclass = type.getGenericSuperclass();
        return superclass == null ? Optional.empty() : visit(superclass, bindings);
    }

    private static Optional<Type[]> visit(Type type, Map<TypeVariable<?>, Type> bindings) {
        if (type instanceof Class<?> raw) {
            // A raw supertype erases its arguments, so Lambda would see Object too.
            return raw == RequestHandler.class ? Optional.of(new Type[] {Object.class, Object.class}) : search(raw, Map.of());
        }
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw) {
            Type[] actual = parameterized.getActualTypeArguments();
            Type[] resolved = new Type[actual.length];
            for (int i = 0; i < actual.length; i++) {
                resolved[i] = substitute(actual[i], bindings);
            }
            if (raw == RequestHandler.class) {
                return Optional.of(resolved);
            }
            Map<TypeVariable<?>, Type> next = new HashMap<>();
            TypeVariable<?>[] parameters = raw.getTypeParameters();
            for (int i = 0; i < parameters.length && i < resolved.length; i++) {
                next.put(parameters[i], resolved[i]);
            }
            return search(raw, next);
        }
        return Optional.empty();
    }

    private static Type substitute(Type type, Map<TypeVariable<?>, Type> bindings) {
        if (type instanceof TypeVariable<?> variable) {
            Type bound = bindings.get(variable);
            if (bound != null) {
                return bound;
            }
            Type[] bounds = variable.getBounds();
            return bounds.length > 0 ? substitute(bounds[0], Map.of()) : Object.class;
        }
        return type;
    }
}
