package com.bakeryia.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetSocketAddress;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes to Nchan's HTTP publisher ({@code POST /pub/<tenant>}) over a few keep-alive
 * connections with the same non-blocking client as the subscribers, one request in flight per
 * connection; a connection that closes is replaced.
 */
final class NchanPublisher implements AlertSink {

    private final EventLoopGroup group;
    private final Bootstrap bootstrap;
    private final InetSocketAddress remote;
    private final String hostHeader;
    private final int connections;
    private final Semaphore window;
    private final BlockingQueue<Channel> idle = new LinkedBlockingQueue<>();
    private final AtomicLong ok = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile boolean closing;

    NchanPublisher(String host, int port, int connections) throws InterruptedException {
        boolean epoll = Epoll.isAvailable();
        this.group = new MultiThreadIoEventLoopGroup(1, epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        this.remote = new InetSocketAddress(host, port);
        this.hostHeader = host + ":" + port;
        this.connections = connections;
        this.window = new Semaphore(connections);
        this.bootstrap = new Bootstrap().group(group)
                .channel(epoll ? EpollSocketChannel.class : NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(1 << 16), new Handler());
                    }
                });
        for (int i = 0; i < connections; i++) {
            idle.add(bootstrap.connect(remote).sync().channel());
        }
    }

    private final class Handler extends SimpleChannelInboundHandler<FullHttpResponse> {
        volatile boolean busy;

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
            int status = response.status().code();
            (status >= 200 && status < 300 ? ok : failed).incrementAndGet();
            busy = false;
            idle.add(ctx.channel());
            window.release();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (busy) {
                failed.incrementAndGet();
                busy = false;
                window.release();
            }
            idle.remove(ctx.channel());
            if (!closing) {
                bootstrap.connect(remote).addListener(f -> {
                    if (f.isSuccess()) {
                        idle.add(((io.netty.channel.ChannelFuture) f).channel());
                    }
                });
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    @Override
    public boolean awaitCapacity(long timeoutMillis) throws InterruptedException {
        return window.tryAcquire(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void send(long k, String tenant, byte[] body) throws Exception {
        Channel ch = idle.poll(10, TimeUnit.SECONDS);
        if (ch == null) {
            failed.incrementAndGet();
            window.release();
            return;
        }
        DefaultFullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST,
                "/pub/" + tenant, Unpooled.wrappedBuffer(body));
        request.headers().set(HttpHeaderNames.HOST, hostHeader);
        request.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
        request.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        Handler handler = ch.pipeline().get(Handler.class);
        if (handler == null || !ch.isActive()) {
            request.release();
            failed.incrementAndGet();
            window.release();
            return;
        }
        handler.busy = true;
        ch.writeAndFlush(request);
    }

    @Override
    public void drain(long timeoutMillis) throws InterruptedException {
        if (window.tryAcquire(connections, timeoutMillis, TimeUnit.MILLISECONDS)) {
            window.release(connections);
        }
    }

    @Override
    public long confirmed() {
        return ok.get();
    }

    @Override
    public long failed() {
        return failed.get();
    }

    @Override
    public void close() {
        closing = true;
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
    }
}
