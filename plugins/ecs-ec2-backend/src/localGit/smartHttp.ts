import { LoggerService } from '@backstage/backend-plugin-api';
import { InputError, ServiceUnavailableError } from '@backstage/errors';
import { spawn } from 'node:child_process';
import type { Request, Response } from 'express';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import {
  invalidUploadPackRequest,
  UploadPackRequestValidator,
} from './uploadPackRequest';

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
 * Returns the 400 for a request that upload-pack itself rejected, recognized
 * by the "protocol error" wording of its fatal message (as printed by git
 * 2.39). Those messages quote the request, never a server path.
 */
function readProtocolError(gitMessage: string): InputError | undefined {
  const line = gitMessage
    .split('\n')
    .find(candidate => candidate.includes('protocol error'));
  if (!line) {
    return undefined;
  }
  return invalidUploadPackRequest(
    line.replace(/^fatal: /, '').replace(/^git upload-pack: /, ''),
  );
}

/**
 * Handles `POST <repo>.git/git-upload-pack`: streams the client's wants and
 * haves into upload-pack and its packfile back. Git compresses large requests
 * with gzip, announced in Content-Encoding.
 *
 * Rejects with an InputError for a malformed request, with a
 * ServiceUnavailableError when git is missing, and with a plain Error, whose
 * message contains the git directory, for any other git failure.
 */
export function runUploadPack(options: {
  repository: string;
  gitDirectory: string;
  req: Request;
  res: Response;
  logger: LoggerService;
}): Promise<void> {
  const { repository, gitDirectory, req, res, logger } = options;

  return new Promise((resolve, reject) => {
    const child = spawn('git', ['upload-pack', '--stateless-rpc', gitDirectory], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const stderr: Buffer[] = [];
    child.stderr.on('data', chunk => stderr.push(chunk));

    // Set when the body turns out malformed. Git then reads an early end of
    // input, and this error, not git's, becomes the response.
    let requestError: InputError | undefined;
    const rejectRequest = (error: InputError) => {
      requestError ??= error;
      child.stdin.end();
      // The rest of the body is read and dropped, so the connection stays usable.
      req.resume();
    };

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
      if (code === 0 && !requestError) {
        res.end();
        resolve();
        return;
      }

      const gitMessage = Buffer.concat(stderr).toString().trim();
      const error =
        requestError ??
        readProtocolError(gitMessage) ??
        new Error(
          `git upload-pack for ${gitDirectory} exited with code ${code}: ${gitMessage}`,
        );
      if (res.headersSent) {
        logger.warn(
          `git upload-pack for repository '${repository}' failed after the response started`,
          error,
        );
        res.end();
        resolve();
      } else {
        reject(error);
      }
    });

    const validator = new UploadPackRequestValidator();
    validator.on('error', error =>
      rejectRequest(
        error instanceof InputError
          ? error
          : invalidUploadPackRequest('the body could not be read'),
      ),
    );

    let body: Readable = req;
    if (req.headers['content-encoding'] === 'gzip') {
      const gunzip = zlib.createGunzip();
      gunzip.on('error', () =>
        rejectRequest(
          invalidUploadPackRequest(
            'the body is not valid gzip, though Content-Encoding says gzip',
          ),
        ),
      );
      body = req.pipe(gunzip);
    }

    req.on('error', error => child.stdin.destroy(error));
    // upload-pack closes its input early when it has all it needs; a write
    // after that is harmless, so the EPIPE is dropped.
    child.stdin.on('error', () => {});
    body.pipe(validator).pipe(child.stdin);
  });
}
