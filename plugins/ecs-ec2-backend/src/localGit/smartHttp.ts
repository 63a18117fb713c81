import { LoggerService } from '@backstage/backend-plugin-api';
import { ServiceUnavailableError } from '@backstage/errors';
import { spawn } from 'node:child_process';
import type { Request, Response } from 'express';
import zlib from 'node:zlib';

/*
 * The read side of git's smart HTTP protocol (protocol version 0), served by
 * running `git upload-pack --stateless-rpc` per request, the way
 * `git http-backend` does. Only upload-pack exists here: the portal's
 * repositories are read-only, so receive-pack (push) is never run.
 */

const MISSING_GIT_MESSAGE =
  'Cloning from the portal needs the git binary on the backend host, and it was not found on PATH';

/** Encodes one pkt-line: four hex digits of length (including themselves), then the payload. */
function pktLine(payload: string): string {
  return (payload.length + 4).toString(16).padStart(4, '0') + payload;
}

function runAdvertiseRefs(gitDirectory: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      'git',
      ['upload-pack', '--stateless-rpc', '--advertise-refs', gitDirectory],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', chunk => stdout.push(chunk));
    child.stderr.on('data', chunk => stderr.push(chunk));
    child.on('error', error => {
      reject(
        (error as NodeJS.ErrnoException).code === 'ENOENT'
          ? new ServiceUnavailableError(MISSING_GIT_MESSAGE)
          : error,
      );
    });
    child.on('close', code => {
      if (code === 0) {
        resolve(Buffer.concat(stdout));
      } else {
        reject(
          new Error(
            `git upload-pack --advertise-refs exited with code ${code}: ${Buffer.concat(stderr).toString().trim()}`,
          ),
        );
      }
    });
  });
}

/** Handles `GET <repo>.git/info/refs?service=git-upload-pack`. */
export async function sendUploadPackAdvertisement(
  gitDirectory: string,
  res: Response,
) {
  const refs = await runAdvertiseRefs(gitDirectory);

  res.status(200);
  res.setHeader('Content-Type', 'application/x-git-upload-pack-advertisement');
  res.setHeader('Cache-Control', 'no-cache');
  res.write(pktLine('# service=git-upload-pack\n'));
  res.write('0000');
  res.end(refs);
}

/**
 * Handles `POST <repo>.git/git-upload-pack`: streams the client's wants and
 * haves into upload-pack and its packfile back. Git compresses large requests
 * with gzip, announced in Content-Encoding.
 */
export function runUploadPack(
  gitDirectory: string,
  req: Request,
  res: Response,
  logger: LoggerService,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['upload-pack', '--stateless-rpc', gitDirectory], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const stderr: Buffer[] = [];
    child.stderr.on('data', chunk => stderr.push(chunk));

    child.on('error', error => {
      if (res.headersSent) {
        res.destroy(error);
        resolve();
        return;
      }
      reject(
        (error as NodeJS.ErrnoException).code === 'ENOENT'
          ? new ServiceUnavailableError(MISSING_GIT_MESSAGE)
          : error,
      );
    });

    child.stdout.once('data', () => {
      res.status(200);
      res.setHeader('Content-Type', 'application/x-git-upload-pack-result');
      res.setHeader('Cache-Control', 'no-cache');
    });
    // The response ends on process exit, so a failure before any output can
    // still become an error status instead of an empty 200.
    child.stdout.pipe(res, { end: false });

    child.on('close', code => {
      if (code === 0) {
        res.end();
        resolve();
        return;
      }

      const message = `git upload-pack for ${gitDirectory} exited with code ${code}: ${Buffer.concat(stderr).toString().trim()}`;
      if (res.headersSent) {
        logger.warn(message);
        res.end();
        resolve();
      } else {
        reject(new Error(message));
      }
    });

    const body =
      req.headers['content-encoding'] === 'gzip'
        ? req.pipe(zlib.createGunzip())
        : req;
    body.on('error', error => child.stdin.destroy(error));
    // upload-pack closes its input early when it has all it needs; a write
    // after that is harmless, so the EPIPE is dropped.
    child.stdin.on('error', () => {});
    body.pipe(child.stdin);
  });
}
