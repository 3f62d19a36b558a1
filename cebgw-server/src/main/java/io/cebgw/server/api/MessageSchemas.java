package io.cebgw.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cebgw.core.codes.CodeEntry;
import io.cebgw.core.codes.FieldCodeLists;
import io.cebgw.core.example.ExampleFactory;
import io.cebgw.core.spec.FieldDef;
import io.cebgw.core.spec.GroupDef;
import io.cebgw.core.spec.MessageType;
import io.cebgw.core.spec.SpecCatalog;
import io.cebgw.server.document.JsonMessages;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The JSON shape of every declaration type in the OpenAPI document, generated from the field definitions (names, lengths,
 * required, short code lists as enums, the Chinese name and the spec's format as description), each with a complete
 * example, as the request body of {@code POST /api/v1/documents}.
 */
@Component
class MessageSchemas implements OpenApiCustomizer {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ENUM = 40;

    @Override
    public void customise(OpenAPI openApi) {
        List<MessageType> types = Arrays.stream(MessageType.values()).filter(MessageType::isDeclaration).toList();
        Content content = new Content();
        MediaType json = new MediaType();
        List<Schema> choices = new ArrayList<>();
        for (MessageType type : types) {
            openApi.getComponents().addSchemas(type.rootName(), message(type));
            choices.add(new Schema<>().$ref("#/components/schemas/" + type.rootName()));
            Object value = JSON.convertValue(JsonMessages.write(new ExampleFactory().create(type)), Map.class);
            json.addExamples(type.name(), new Example().summary(type.name() + " " + type.zh() + " / " + type.en()).value(value));
        }
        json.schema(new Schema<>().oneOf(choices));
        content.addMediaType("application/json", json);
        content.addMediaType("application/xml", new MediaType().schema(new StringSchema().description("A CEB message as XML (报文 XML)")));
        var path = openApi.getPaths() == null ? null : openApi.getPaths().get("/api/v1/documents");
        if (path != null && path.getPost() != null) {
            path.getPost().requestBody(new RequestBody().required(true).content(content)
                    .description("A declaration as JSON shaped like its XML (one record), or the CEB XML itself"));
        }
    }

    private static Schema<?> message(MessageType type) {
        GroupDef root = SpecCatalog.ceb202205().definition(type).root();
        ObjectSchema schema = new ObjectSchema();
        schema.description(type.zh() + " / " + type.en());
        schema.addProperty("type", new StringSchema()._enum(List.of(type.rootName())));
        schema.addRequiredItem("type");
        for (GroupDef group : root.groups()) {
            if (!group.name().equals("Signature")) {
                schema.addProperty(group.name(), group(type, group));
                if (group.occurs().min() > 0 && !group.name().equals("BaseTransfer")) {
                    schema.addRequiredItem(group.name());
                }
            }
        }
        return schema;
    }

    private static Schema<?> group(MessageType type, GroupDef group) {
        ObjectSchema object = new ObjectSchema();
        object.description(group.zh());
        for (FieldDef f : group.fields()) {
            object.addProperty(f.name(), field(type, group, f));
            if (f.required()) {
                object.addRequiredItem(f.name());
            }
        }
        for (GroupDef child : group.groups()) {
            object.addProperty(child.name(), group(type, child));
            if (child.occurs().min() > 0) {
                object.addRequiredItem(child.name());
            }
        }
        return group.occurs().repeatable() ? new ArraySchema().items(object).description(group.zh()) : object;
    }

    private static Schema<?> field(MessageType type, GroupDef group, FieldDef f) {
        StringSchema s = new StringSchema();
        s.description(f.zh() + (f.pdfFormat() == null ? "" : " · " + f.pdfFormat().text()));
        if (f.maxLength() < Integer.MAX_VALUE) {
            s.maxLength(f.maxLength());
        }
        if (f.minLength() > 0) {
            s.minLength(f.minLength());
        }
        FieldCodeLists.standard().forField(type, group.name(), f.name())
                .filter(list -> list.complete() && list.size() <= MAX_ENUM)
                .ifPresent(list -> s._enum(list.entries().values().stream().filter(CodeEntry::current).map(CodeEntry::code).sorted().toList()));
        return s;
    }
}
