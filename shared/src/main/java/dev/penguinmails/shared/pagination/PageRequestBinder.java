package dev.penguinmails.shared.pagination;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;
import java.util.Optional;

/** Binds a controller parameter of type {@link PageRequest} from the {@code limit} and {@code cursor} query values. */
@Singleton
public class PageRequestBinder implements TypedRequestArgumentBinder<PageRequest> {
    @Override
    public Argument<PageRequest> argumentType() {
        return Argument.of(PageRequest.class);
    }

    @Override
    public BindingResult<PageRequest> bind(ArgumentConversionContext<PageRequest> context, HttpRequest<?> source) {
        PageRequest page = PageRequest.of(source.getParameters().get(PageRequest.LIMIT_PARAMETER),
                source.getParameters().get(PageRequest.CURSOR_PARAMETER));
        return () -> Optional.of(page);
    }
}
