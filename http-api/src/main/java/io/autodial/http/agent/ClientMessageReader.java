package io.autodial.http.agent;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.autodial.http.Json;
import io.autodial.protocol.agent.AgentClientMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads one text frame as an {@link AgentClientMessage}, or says exactly what is wrong with it, so
 * an agent's softphone developer sees "unknown message type" rather than a Jackson stack trace.
 */
final class ClientMessageReader {

  sealed interface Result {}

  record Parsed(AgentClientMessage message) implements Result {}

  /** {@code id} is the frame's {@code id} when it could be read, else null. */
  record Rejected(String id, String reason) implements Result {}

  /** The type names, taken from the protocol's own annotation so they cannot drift. */
  private static final Map<Class<?>, String> TYPE_NAMES =
      Arrays.stream(AgentClientMessage.class.getAnnotation(JsonSubTypes.class).value())
          .collect(Collectors.toMap(JsonSubTypes.Type::value, JsonSubTypes.Type::name));

  private static final List<String> TYPES =
      Arrays.stream(AgentClientMessage.class.getAnnotation(JsonSubTypes.class).value())
          .map(JsonSubTypes.Type::name)
          .toList();

  private ClientMessageReader() {}

  static String typeOf(AgentClientMessage message) {
    return TYPE_NAMES.get(message.getClass());
  }

  static Result read(String text) {
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      return new Rejected(null, "the message is not valid JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject())
      return new Rejected(null, "a message must be a JSON object with a \"type\" and an \"id\"");
    JsonNode idNode = node.get("id");
    String id = idNode != null && idNode.isValueNode() && !idNode.isNull() ? idNode.asText() : null;
    JsonNode typeNode = node.get("type");
    if (typeNode == null || !typeNode.isTextual())
      return new Rejected(id, "the message has no \"type\"; it must be one of " + TYPES);
    String type = typeNode.asText();
    AgentClientMessage message;
    try {
      message = Json.MAPPER.treeToValue(node, AgentClientMessage.class);
    } catch (InvalidTypeIdException e) {
      return new Rejected(id, "unknown message type \"" + type + "\"; it must be one of " + TYPES);
    } catch (UnrecognizedPropertyException e) {
      return new Rejected(id, "unknown field \"" + e.getPropertyName() + "\" in a \"" + type + "\" message");
    } catch (JsonProcessingException e) {
      return new Rejected(id, "malformed \"" + type + "\" message: " + e.getOriginalMessage());
    }
    if (message.id() == null || message.id().isBlank())
      return new Rejected(null, "every message needs a non-empty \"id\"; the reply names it");
    return new Parsed(message);
  }
}
