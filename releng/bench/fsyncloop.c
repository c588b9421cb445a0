/*
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *
 * fsyncloop FILE COUNT: this disk's own limit for one synchronous commit per message. Appends COUNT
 * records of 100 bytes to FILE, each followed by fsync(2), and prints "fsync: N commits in S s,
 * rate=R/s". FILE is removed afterwards. Used by messenger-receive-bench.sh beside the receivers, on
 * the file system of their stores.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv) {
	if (argc != 3 || atoi(argv[2]) <= 0) {
		fprintf(stderr, "usage: fsyncloop FILE COUNT\n");
		return 2;
	}
	int count = atoi(argv[2]);
	int fd = open(argv[1], O_WRONLY | O_CREAT | O_TRUNC | O_APPEND, 0600);
	if (fd < 0) {
		perror(argv[1]);
		return 1;
	}
	char record[100];
	memset(record, 'x', sizeof record);
	record[sizeof record - 1] = '\n';
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (int i = 0; i < count; i++) {
		if (write(fd, record, sizeof record) != (ssize_t) sizeof record || fsync(fd) != 0) {
			perror("write+fsync");
			return 1;
		}
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	close(fd);
	unlink(argv[1]);
	double s = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
	printf("fsync: %d commits in %.2f s, rate=%.1f/s\n", count, s, count / s);
	return 0;
}
