/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
/*
 * Load generator of the receive benchmark, independent of Herald's code:
 *
 *   sendload [-t TEXT] [-s FIRST] [-a ACKFILE] [-r RATE] TARGET_IP PORT COUNT CONCURRENCY
 *
 * Run it inside the sending host's network namespace, so that its own address is the source. Sends
 * COUNT messages "TEXT N" (TEXT default "bench", N from FIRST, default 1) to TARGET_IP:PORT with
 * direct-hosting framing, each in its own TCP session as smbclient -M does (SMB_COM_NEGOTIATE with
 * NT LM 0.12, then SMB_COM_SEND_MESSAGE), CONCURRENCY sessions at once, and checks that every reply
 * has status 0 (MS-CIFS 2.2.4.52, 2.2.4.50). Prints "delivered=N failed=N seconds=S rate=R".
 *
 * A message counts as delivered (acknowledged) only when its reply arrived whole with status 0: an
 * error status, a refused or reset connection, or a connection that ends before the reply is a
 * failure. -a writes the N of every acknowledged message to ACKFILE, one per line, so that a test can
 * check afterwards that the receiver kept each one it acknowledged. -r starts at most RATE sessions
 * per second (default: as fast as the receiver answers). SIGTERM stops it; it prints what it did.
 *
 * One thread and epoll: the generator shares the machine's cores with the receiver under test, so it
 * should take as little of them as it can (a Java generator took about as much CPU as Herald did).
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include <getopt.h>
#include <signal.h>

enum state { IDLE, CONNECTING, NEGOTIATING, SENDING_MESSAGE };

/* one session; a reply is read into in[] until its 4-byte frame header and the SMB header are there */
struct conn {
	int fd;
	enum state state;
	int number; /* which message this session carries */
	uint8_t in[64];
	size_t have;  /* bytes of the current reply read so far */
	size_t need;  /* the reply's whole length (frame header included), once known */
	int status_ok;
	uint8_t out[512];
	size_t out_len, out_sent;
};

static struct sockaddr_in target;
static int epfd;
static long launched, delivered, failed, count, first = 1;
static const char *prefix = "bench";
static FILE *acks;
static double rate; /* sessions started per second at most; 0: no limit */
static struct timespec t0;
static volatile sig_atomic_t stopping; /* SIGTERM or SIGINT: stop and print what was done */

static void stop(int sig) {
	(void)sig;
	stopping = 1;
}

/* an SMB1 request with WordCount 0 behind the direct-hosting frame header (MS-SMB 2.1) */
static size_t frame(uint8_t *buf, int command, int mid, const uint8_t *data, size_t len) {
	size_t smb = 32 + 3 + len;
	uint8_t *p = buf;
	*p++ = 0;
	*p++ = (uint8_t)(smb >> 16);
	*p++ = (uint8_t)(smb >> 8);
	*p++ = (uint8_t)smb;
	memcpy(p, "\xffSMB", 4);
	p += 4;
	*p++ = (uint8_t)command;
	memset(p, 0, 4); /* status */
	p += 4;
	*p++ = 0x18;     /* flags: case insensitive, canonical paths */
	*p++ = 0x01;     /* flags2 0xC801: NT status, long names */
	*p++ = 0xC8;
	memset(p, 0, 2 + 8 + 2); /* PID high, signature, reserved */
	p += 12;
	*p++ = 0xFF; /* TID 0xFFFF */
	*p++ = 0xFF;
	*p++ = (uint8_t)(4242 & 0xFF); /* PID */
	*p++ = (uint8_t)(4242 >> 8);
	*p++ = 0; /* UID */
	*p++ = 0;
	*p++ = (uint8_t)mid;
	*p++ = (uint8_t)(mid >> 8);
	*p++ = 0; /* WordCount */
	*p++ = (uint8_t)len;
	*p++ = (uint8_t)(len >> 8);
	memcpy(p, data, len);
	return 4 + smb;
}

static size_t negotiate(uint8_t *buf) {
	static const uint8_t dialect[] = "\x02NT LM 0.12"; /* the terminating zero is part of the dialect */
	return frame(buf, 0x72, 1, dialect, sizeof dialect);
}

/* SMB_COM_SEND_MESSAGE: originator, destination, then the text as a length-prefixed data block */
static size_t message(uint8_t *buf, int number) {
	uint8_t data[192];
	char text[128]; /* SMB_COM_SEND_MESSAGE carries at most 128 bytes of text (MS-MSRP) */
	int n = snprintf(text, sizeof text, "%s %ld", prefix, first + number - 1);
	if (n >= (int)sizeof text) {
		n = (int)sizeof text - 1;
	}
	size_t len = 0;
	memcpy(data + len, "\x04" "bench", 7); /* the terminating zero included */
	len += 7;
	memcpy(data + len, "\x04" "target", 8);
	len += 8;
	data[len++] = 0x01;
	data[len++] = (uint8_t)n;
	data[len++] = (uint8_t)(n >> 8);
	memcpy(data + len, text, (size_t)n);
	len += (size_t)n;
	return frame(buf, 0xD0, 2, data, len);
}

static void fail(struct conn *c, const char *why) {
	if (++failed <= 3) {
		fprintf(stderr, "failed: message %d: %s\n", c->number, why);
	}
	close(c->fd);
	c->state = IDLE;
}

static double elapsed(void) {
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0.tv_sec) + (double)(t.tv_nsec - t0.tv_nsec) / 1e9;
}

static void start(struct conn *c) {
	if (launched >= count || (rate > 0 && (double)launched >= rate * elapsed())) {
		c->state = IDLE; /* all sent, or ahead of the rate: started again from main() */
		return;
	}
	c->number = (int)++launched;
	c->fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
	if (c->fd < 0) {
		perror("socket");
		exit(1);
	}
	int one = 1;
	setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
	c->state = CONNECTING;
	c->out_len = negotiate(c->out);
	c->out_sent = 0;
	c->have = c->need = 0;
	struct epoll_event ev = { .events = EPOLLIN | EPOLLOUT, .data.ptr = c };
	if (connect(c->fd, (struct sockaddr *)&target, sizeof target) < 0 && errno != EINPROGRESS) {
		fail(c, strerror(errno)); /* main() starts the next one */
		return;
	}
	epoll_ctl(epfd, EPOLL_CTL_ADD, c->fd, &ev);
}

/* writes what is left of out[]; returns -1 on error */
static int flush(struct conn *c) {
	while (c->out_sent < c->out_len) {
		ssize_t n = send(c->fd, c->out + c->out_sent, c->out_len - c->out_sent, MSG_NOSIGNAL);
		if (n < 0) {
			return errno == EAGAIN ? 0 : -1;
		}
		c->out_sent += (size_t)n;
	}
	return 0;
}

/* reads the current reply; returns 1 when it is complete, 0 for more to come, -1 on error */
static int read_reply(struct conn *c) {
	for (;;) {
		uint8_t scratch[4096];
		uint8_t *dst = c->have < sizeof c->in ? c->in + c->have : scratch;
		size_t room = c->have < sizeof c->in ? sizeof c->in - c->have : sizeof scratch;
		if (c->need && room > c->need - c->have) {
			room = c->need - c->have; /* never read into the next reply */
		}
		ssize_t n = recv(c->fd, dst, room, 0);
		if (n == 0) {
			return -1;
		}
		if (n < 0) {
			return errno == EAGAIN ? 0 : -1;
		}
		c->have += (size_t)n;
		if (!c->need && c->have >= 4) {
			c->need = 4 + ((size_t)c->in[1] << 16 | (size_t)c->in[2] << 8 | c->in[3]);
		}
		if (c->need && c->have >= c->need) {
			/* after the frame header: 0xFF 'S' 'M' 'B' command, then the 4-byte status */
			c->status_ok = c->need >= 13 && c->in[4] == 0xFF && !c->in[9] && !c->in[10] && !c->in[11] && !c->in[12];
			return 1;
		}
	}
}

static void step(struct conn *c, uint32_t events) {
	if (c->state == CONNECTING) {
		if (!(events & (EPOLLOUT | EPOLLERR | EPOLLHUP))) {
			return;
		}
		int err = 0;
		socklen_t len = sizeof err;
		getsockopt(c->fd, SOL_SOCKET, SO_ERROR, &err, &len);
		if (err) {
			fail(c, strerror(err));
			start(c);
			return;
		}
		struct epoll_event ev = { .events = EPOLLIN, .data.ptr = c };
		epoll_ctl(epfd, EPOLL_CTL_MOD, c->fd, &ev);
		c->state = NEGOTIATING;
		if (flush(c) < 0) {
			fail(c, "cannot send the negotiate request");
			start(c);
		}
		return;
	}
	int r = read_reply(c);
	if (r == 0) {
		return;
	}
	if (r < 0 || !c->status_ok) {
		fail(c, r < 0 ? "connection ended before the reply" : "error status in the reply");
		start(c);
		return;
	}
	if (c->state == NEGOTIATING) {
		c->state = SENDING_MESSAGE;
		c->out_len = message(c->out, c->number);
		c->out_sent = 0;
		c->have = c->need = 0;
		if (flush(c) < 0) {
			fail(c, "cannot send the message");
			start(c);
		}
		return;
	}
	delivered++;
	if (acks) {
		fprintf(acks, "%ld\n", first + c->number - 1);
		fflush(acks); /* a watcher may count the acknowledgements as they come */
	}
	close(c->fd);
	start(c);
}

int main(int argc, char **argv) {
	const char *ackfile = NULL;
	int opt;
	while ((opt = getopt(argc, argv, "t:s:a:r:")) != -1) {
		switch (opt) {
		case 't': prefix = optarg; break;
		case 's': first = atol(optarg); break;
		case 'a': ackfile = optarg; break;
		case 'r': rate = atof(optarg); break;
		default: argc = 0; break;
		}
	}
	if (argc - optind != 4) {
		fprintf(stderr, "usage: sendload [-t TEXT] [-s FIRST] [-a ACKFILE] [-r RATE] TARGET_IP PORT COUNT CONCURRENCY\n");
		return 2;
	}
	argv += optind - 1;
	target.sin_family = AF_INET;
	target.sin_port = htons((uint16_t)atoi(argv[2]));
	if (inet_pton(AF_INET, argv[1], &target.sin_addr) != 1) {
		fprintf(stderr, "sendload: not an IPv4 address: %s\n", argv[1]);
		return 2;
	}
	count = atol(argv[3]);
	int concurrency = atoi(argv[4]);
	if (count < 1 || concurrency < 1) {
		fprintf(stderr, "sendload: COUNT and CONCURRENCY must be positive\n");
		return 2;
	}
	if (ackfile && !(acks = fopen(ackfile, "w"))) {
		perror(ackfile);
		return 2;
	}
	epfd = epoll_create1(0);
	struct conn *conns = calloc((size_t)concurrency, sizeof *conns);
	signal(SIGTERM, stop);
	signal(SIGINT, stop);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (int i = 0; i < concurrency; i++) {
		start(&conns[i]);
	}
	struct epoll_event events[256];
	double quiet = 0; /* seconds without any event while sessions were open */
	while (delivered + failed < count && !stopping) {
		int n = epoll_wait(epfd, events, 256, rate > 0 ? 10 : 1000);
		if (n < 0) {
			continue; /* interrupted by a signal */
		}
		for (int i = 0; i < n; i++) {
			step(events[i].data.ptr, events[i].events);
		}
		/* sessions left idle by the rate limit, or by an error while starting, start again */
		int busy = 0;
		for (int i = 0; i < concurrency; i++) {
			if (conns[i].state == IDLE) {
				start(&conns[i]);
			}
			busy += conns[i].state != IDLE;
		}
		quiet = n > 0 || !busy ? 0 : quiet + (rate > 0 ? 0.01 : 1.0);
		if (quiet >= 60) {
			fprintf(stderr, "sendload: nothing happened for 60 s; %d sessions unanswered count as failed\n", busy);
			failed += busy;
			break;
		}
	}
	double seconds = elapsed();
	if (acks) {
		fclose(acks);
	}
	printf("delivered=%ld failed=%ld seconds=%.2f rate=%.1f\n", delivered, failed, seconds, (double)delivered / seconds);
	return 0;
}
