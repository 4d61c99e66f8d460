package com.bakeryia.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.BitSet;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;

/**
 * Many SSE streams held by one process on a few event-loop threads (Netty; epoll where available).
 * A stream counts as established when its first event or comment arrives (the application's
 * {@code connection} event, Nchan's {@code : hi}). Connections are spread over several local
 * source addresses (127.0.0.1, 127.0.0.2, ...), each with its own range of ephemeral ports.
 */
final class SseFleet implements AutoCloseable {

    static final int NEW = 0;
    static final int CONNECTING = 1;
    static final int ESTABLISHED = 2;
    static final int FAILED = 3;
    static final int CLOSED = 4;

    private final EventLoopGroup group;
    private final Bootstrap bootstrap;
    private final InetSocketAddress remote;
    private final String hostHeader;
    private final InetAddress[] sources;
    private final int connectTimeoutMillis;

    final Conn[] conns;
    final int tenants;
    final Receipts receipts;
    final String transport;

    final AtomicInteger open = new AtomicInteger();
    final LongAdder heartbeats = new LongAdder();
    final LongAdder tokenExpired = new LongAdder();
    final LongAdder closedAfterEstablished = new LongAdder();
    final Map<String, LongAdder> failures = new ConcurrentHashMap<>();

    private Semaphore inFlight;
    private CountDownLatch settled;
    private long connectStartNanos;
    private volatile boolean closing;

    /**
     * @param firstIndex global index of this fleet's first stream (tenant = index mod tenants)
     * @param paths      the request path (and query) of the stream with a given global index
     */
    SseFleet(String host, int port, int firstIndex, int count, int tenants, int sourceAddresses, int threads,
             int connectTimeoutMillis, IntFunction<String> paths) throws UnknownHostException {
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        this.transport = epoll ? "epoll" : "nio";
        this.group = new MultiThreadIoEventLoopGroup(threads, io);
        this.remote = new InetSocketAddress(InetAddress.getByName(host), port);
        this.hostHeader = host + ":" + port;
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.tenants = tenants;
        this.receipts = new Receipts(tenants);
        this.sources = new InetAddress[Math.max(1, sourceAddresses)];
        for (int i = 0; i < sources.length; i++) {
            sources[i] = remote.getAddress().isLoopbackAddress() && remote.getAddress().getAddress().length == 4
                    ? InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) (1 + i)})
                    : null;
        }
        this.conns = new Conn[count];
        for (int i = 0; i < count; i++) {
            int global = firstIndex + i;
            conns[i] = new Conn(global, global % tenants, global < tenants, paths.apply(global));
        }
        this.bootstrap = new Bootstrap()
                .group(group)
                .channel(epoll ? EpollSocketChannel.class : NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis);
    }

    /** Reads the server's {@code stored_at} on the first stream of each tenant. */
    void wantStoredAt() {
        for (Conn c : conns) {
            if (c.primary) {
                c.parser.wantStoredAt(true);
            }
        }
    }

    /**
     * Opens every stream, at most {@code concurrency} attempts at a time, and waits until each has
     * either established or failed (or {@code maxMillis} passed).
     *
     * @return the milliseconds it took
     */
    long connectAll(int concurrency, long maxMillis) throws InterruptedException {
        inFlight = new Semaphore(concurrency);
        settled = new CountDownLatch(conns.length);
        long start = System.nanoTime();
        connectStartNanos = start;
        long deadline = start + TimeUnit.MILLISECONDS.toNanos(maxMillis);
        for (Conn c : conns) {
            if (!inFlight.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                break;
            }
            c.start();
        }
        settled.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        for (Conn c : conns) {
            if (c.state == NEW || c.state == CONNECTING) {
                c.fail("not_settled_in_time");
            }
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    int established() {
        int n = 0;
        for (Conn c : conns) {
            if (c.everEstablished) {
                n++;
            }
        }
        return n;
    }

    /**
     * The steady connect rate: streams per second between the 25th and the 75th percentile of
     * establishment times (leaves out the cold start and the tail), or 0 with too few streams.
     */
    double middleConnectRate() {
        long[] t = java.util.Arrays.stream(conns).filter(c -> c.everEstablished)
                .mapToLong(c -> c.establishedNanos).sorted().toArray();
        if (t.length < 20) {
            return 0;
        }
        int lo = t.length / 4;
        int hi = t.length * 3 / 4;
        double seconds = (t[hi] - t[lo]) / 1e9;
        return seconds > 0 ? (hi - lo) / seconds : 0;
    }

    /** Milliseconds from the first attempt until the given fraction of the streams was established. */
    long millisUntil(double fraction) {
        long[] t = java.util.Arrays.stream(conns).filter(c -> c.everEstablished)
                .mapToLong(c -> c.establishedNanos).sorted().toArray();
        if (t.length == 0) {
            return 0;
        }
        int i = (int) Math.min(t.length - 1, Math.max(0, Math.ceil(fraction * t.length) - 1));
        return (t[i] - connectStartNanos) / 1_000_000;
    }

    Map<String, Long> failureCounts() {
        Map<String, Long> out = new TreeMap<>();
        failures.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    @Override
    public void close() {
        closing = true;
        for (Conn c : conns) {
            Channel ch = c.channel;
            if (ch != null) {
                ch.close();
            }
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
    }

    /** One stream: its connection handler, parser and receipt bits. */
    final class Conn extends ChannelInboundHandlerAdapter implements SseParser.Sink {

        final int index;
        final int tenant;
        final boolean primary;
        private final String path;
        final SseParser parser = new SseParser(this);
        volatile int state = NEW;
        volatile boolean everEstablished;
        volatile long establishedNanos;
        volatile Channel channel;
        private BitSet bits;
        private long bitsScenario = Long.MIN_VALUE;

        Conn(int index, int tenant, boolean primary, String path) {
            this.index = index;
            this.tenant = tenant;
            this.primary = primary;
            this.path = path;
        }

        void start() {
            state = CONNECTING;
            InetAddress source = sources[index % sources.length];
            Bootstrap b = bootstrap.clone().handler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel ch) {
                    ch.pipeline().addLast(new HttpClientCodec(4096, 8192, 65536), Conn.this);
                }
            });
            ChannelFuture f = source == null ? b.connect(remote) : b.connect(remote, new InetSocketAddress(source, 0));
            channel = f.channel();
            f.addListener(done -> {
                if (!done.isSuccess()) {
                    fail(reason(done.cause()));
                }
            });
            f.channel().eventLoop().schedule(() -> {
                if (state == CONNECTING) {
                    fail("timeout");
                    f.channel().close();
                }
            }, connectTimeoutMillis, TimeUnit.MILLISECONDS);
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            DefaultFullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, path);
            request.headers().set(HttpHeaderNames.HOST, hostHeader);
            request.headers().set(HttpHeaderNames.ACCEPT, "text/event-stream");
            request.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-cache");
            ctx.writeAndFlush(request);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            try {
                if (msg instanceof HttpResponse response) {
                    int status = response.status().code();
                    if (status != 200) {
                        fail("http_" + status);
                        ctx.close();
                        return;
                    }
                }
                if (msg instanceof HttpContent content && state != FAILED) {
                    parser.feed(content.content());
                    if (msg instanceof LastHttpContent) {
                        ctx.close(); // the server ended the stream
                    }
                }
            } catch (RuntimeException e) {
                fail("parse_error");
                ctx.close();
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (state == ESTABLISHED) {
                state = CLOSED;
                open.decrementAndGet();
                if (!closing) {
                    closedAfterEstablished.increment();
                }
            } else if (state == CONNECTING) {
                fail("closed_before_stream");
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (state == CONNECTING) {
                fail(reason(cause));
            }
            ctx.close();
        }

        @Override
        public void onComment() {
            established();
        }

        @Override
        public void onEvent(int type, long scenario, long k, long pubMicros, long storedMicros) {
            established();
            if (k >= 0) {
                receipts.onAlert(this, scenario, k, pubMicros, storedMicros);
            } else if (type == SseParser.HEARTBEAT) {
                heartbeats.increment();
            } else if (type == SseParser.TOKEN_EXPIRED) {
                tokenExpired.increment();
            }
        }

        private void established() {
            if (state == CONNECTING) {
                synchronized (this) {
                    if (state != CONNECTING) {
                        return;
                    }
                    state = ESTABLISHED;
                }
                establishedNanos = System.nanoTime();
                everEstablished = true;
                open.incrementAndGet();
                settle();
            }
        }

        synchronized void fail(String why) {
            if (state == NEW || state == CONNECTING) {
                boolean started = state == CONNECTING;
                state = FAILED;
                failures.computeIfAbsent(why, w -> new LongAdder()).increment();
                if (started) {
                    settle();
                } else {
                    settled.countDown();
                }
            }
        }

        private void settle() {
            inFlight.release();
            settled.countDown();
        }

        /** Marks alert {@code bit} of scenario {@code s} received; false if it already was. */
        boolean mark(long s, int bit) {
            if (bitsScenario != s || bits == null) {
                bits = new BitSet(64);
                bitsScenario = s;
            }
            if (bits.get(bit)) {
                return false;
            }
            bits.set(bit);
            return true;
        }

        long received(long s) {
            BitSet b = bits;
            return b == null || bitsScenario != s ? 0 : b.cardinality();
        }
    }

    static String reason(Throwable t) {
        if (t == null) {
            return "unknown";
        }
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage();
        String name = root.getClass().getSimpleName();
        if (m == null) {
            return name;
        }
        // "connect(..) failed: Cannot assign requested address: /127.0.0.1:29080" -> the cause only
        int colon = m.indexOf(": /");
        if (colon > 0) {
            m = m.substring(0, colon);
        }
        return name + ": " + (m.length() > 80 ? m.substring(0, 80) : m);
    }
}
