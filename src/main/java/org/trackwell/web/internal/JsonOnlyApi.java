package org.trackwell.web.internal;

import java.util.Set;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Request and answer bodies are JSON, read only by {@link StrictJson}'s mapper. Spring MVC would
 * also read and write YAML, CBOR, Smile or XML with whatever library for them is on the class path
 * (Jackson 2's YAML comes with springdoc): a body sent as YAML passed by the strict reader and its
 * {@link TextRules}, and every answer asked each of those converters whether it could write it.
 */
@Configuration(proxyBeanMethods = false)
class JsonOnlyApi implements WebMvcConfigurer {

    private static final Set<String> OTHER_FORMATS = Set.of("yaml", "cbor", "x-jackson-smile", "xml");

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        builder.configureMessageConvertersList(
                converters -> converters.removeIf(JsonOnlyApi::readsOrWritesObjectsOtherwise));
    }

    /** Any converter of objects but the strict JSON one: another JSON library, or another format. */
    static boolean readsOrWritesObjectsOtherwise(HttpMessageConverter<?> converter) {
        return !(converter instanceof JacksonJsonHttpMessageConverter)
                && converter.getSupportedMediaTypes().stream().anyMatch(JsonOnlyApi::objectFormat);
    }

    private static boolean objectFormat(MediaType type) {
        String subtype = type.getSubtype();
        String suffix = type.getSubtypeSuffix();
        return subtype.equals("json")
                || "json".equals(suffix)
                || OTHER_FORMATS.contains(subtype)
                || (suffix != null && OTHER_FORMATS.contains(suffix));
    }
}
