package io.autodial.freeswitch.esl;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import link.thingscloud.freeswitch.esl.IEslEventListener;
import link.thingscloud.freeswitch.esl.InboundClient;
import link.thingscloud.freeswitch.esl.ServerConnectionListener;
import link.thingscloud.freeswitch.esl.inbound.option.InboundClientOption;
import link.thingscloud.freeswitch.esl.inbound.option.ServerOption;
import link.thingscloud.freeswitch.esl.transport.event.EslEvent;

/**
 * The ESL client library allows one {@link InboundClient} per JVM (a second {@code newInstance}
 * throws), while a JVM may hold several nodes in tests and several switches in production. This
 * holder creates the client once and multiplexes its connections, by switch address, to every
 * {@link SwitchConnection} that uses them.
 */
final class SharedInboundClient {
  private static final Map<String, List<SwitchConnection>> USERS = new ConcurrentHashMap<>();
  private static InboundClient client;

  private SharedInboundClient() {}

  static synchronized InboundClient register(SwitchConnection connection) {
    if (client == null) client = create();
    String address = connection.address();
    USERS.computeIfAbsent(address, a -> new CopyOnWriteArrayList<>()).add(connection);
    if (serverOption(address) == null) {
      client
          .option()
          .addServerOption(
              new ServerOption(hostOf(address), connection.settings().port())
                  .password(connection.settings().password())
                  .timeoutSeconds(1));
    }
    return client;
  }

  static synchronized void unregister(SwitchConnection connection) {
    String address = connection.address();
    List<SwitchConnection> users = USERS.get(address);
    if (users == null) return;
    users.remove(connection);
    if (users.isEmpty()) {
      USERS.remove(address);
      ServerOption option = serverOption(address);
      if (option != null) client.option().removeServerOption(option);
    }
  }

  static ServerOption serverOption(String address) {
    if (client == null) return null;
    for (ServerOption option : List.copyOf(client.option().serverOptions())) {
      if (option.addr().equals(address)) return option;
    }
    return null;
  }

  private static String hostOf(String address) {
    return address.substring(0, address.lastIndexOf(':'));
  }

  private static InboundClient create() {
    Dispatcher dispatcher = new Dispatcher();
    InboundClientOption option =
        new InboundClientOption()
            // events are handed over on the socket's own thread, so each switch's events keep
            // their order; listeners only enqueue
            .disablePublicExecutor(true)
            .defaultTimeoutSeconds(1)
            .serverConnectionListener(dispatcher)
            .addListener(dispatcher)
            .addEvents(EslEventTranslator.SUBSCRIPTIONS.toArray(String[]::new));
    InboundClient created = InboundClient.newInstance(option);
    created.start();
    return created;
  }

  private static List<SwitchConnection> usersOf(String address) {
    return USERS.getOrDefault(address, List.of());
  }

  private static final class Dispatcher implements IEslEventListener, ServerConnectionListener {
    @Override
    public void eventReceived(String address, EslEvent event) {
      usersOf(address).forEach(c -> c.onEslEvent(event));
    }

    @Override
    public void backgroundJobResultReceived(String address, EslEvent event) {
      usersOf(address).forEach(c -> c.onEslEvent(event));
    }

    @Override
    public void onOpened(ServerOption option) {
      usersOf(option.addr()).forEach(SwitchConnection::onSocketOpened);
    }

    @Override
    public void onClosed(ServerOption option) {
      usersOf(option.addr()).forEach(c -> c.onSocketClosed(option));
    }
  }
}
