package io.sluice.server.jdbc;

import com.google.protobuf.InvalidProtocolBufferException;
import org.apache.calcite.avatica.proto.Common;

/**
 * Translates the message names of Avatica's protobuf envelope between the Sluice driver and the
 * server. Each message is named by its protobuf class, and the driver's copy of those classes is
 * relocated under {@code io.sluice.jdbc.shaded}, so the driver sends and expects relocated names;
 * the server's handlers know Avatica's own. A stock Avatica client's names pass unchanged.
 */
final class ShadedNames {

  static final String AVATICA = "org.apache.calcite.avatica.";
  static final String SHADED = "io.sluice.jdbc.shaded.avatica.";

  private ShadedNames() {}

  /** The request with a relocated message name turned into Avatica's. */
  static byte[] toAvatica(byte[] request) {
    Common.WireMessage wire = parse(request);
    if (wire == null || !wire.getName().startsWith(SHADED)) {
      return request;
    }
    return wire.toBuilder().setName(AVATICA + wire.getName().substring(SHADED.length())).build().toByteArray();
  }

  /** The response, its message name relocated if the request's was. */
  static byte[] likeRequest(byte[] request, byte[] response) {
    Common.WireMessage asked = parse(request);
    Common.WireMessage answer = parse(response);
    if (asked == null || answer == null || !asked.getName().startsWith(SHADED) || !answer.getName().startsWith(AVATICA)) {
      return response;
    }
    return answer.toBuilder().setName(SHADED + answer.getName().substring(AVATICA.length())).build().toByteArray();
  }

  private static Common.WireMessage parse(byte[] bytes) {
    try {
      return Common.WireMessage.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      return null;
    }
  }
}
