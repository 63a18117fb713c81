import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import fs from 'node:fs';
import path from 'node:path';
import git from 'isomorphic-git';
import { isValidBranchName } from './branchName';
import { assertValidRepositoryName } from './repositoryName';

/** The only branch the portal's git host creates and serves. */
export const DEFAULT_BRANCH = 'main';

/** Author and message of the initial commit of a repository. */
export interface InitialCommit {
  message: string;
  authorName: string;
  authorEmail: string;
}

/**
 * Bare git repositories stored under one directory of the backend, one
 * `<name>.git` folder each. Writes go through isomorphic-git, so publishing
 * needs no git binary. Serving clones does (see `smartHttp.ts`).
 */
export class LocalGitRepositories {
  readonly #directory: string;

  constructor(directory: string) {
    this.#directory = path.resolve(directory);
  }

  get directory(): string {
    return this.#directory;
  }

  /** Returns the absolute path of a repository's git directory, after validating the name. */
  gitDirectory(name: string): string {
    assertValidRepositoryName(name);
    return path.join(this.#directory, `${name}.git`);
  }

  async exists(name: string): Promise<boolean> {
    try {
      const stat = await fs.promises.stat(this.gitDirectory(name));
      return stat.isDirectory();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        return false;
      }
      throw error;
    }
  }

  /**
   * Creates a bare repository whose single commit on `main` contains every file
   * under `sourceDirectory`, and returns the commit id.
   *
   * The repository is built in a temporary folder and renamed into place, so a
   * reader never sees a repository without its commit.
   */
  async create(
    name: string,
    sourceDirectory: string,
    commit: InitialCommit,
  ): Promise<string> {
    const target = this.gitDirectory(name);
    if (await this.exists(name)) {
      throw new ConflictError(
        `Repository '${name}' already exists on the portal's git host; choose another repository name`,
      );
    }

    await fs.promises.mkdir(this.#directory, { recursive: true });
    const staging = await fs.promises.mkdtemp(
      path.join(this.#directory, `.staging-${name}-`),
    );

    try {
      await git.init({
        fs,
        gitdir: staging,
        bare: true,
        defaultBranch: DEFAULT_BRANCH,
      });

      // `add` writes an index into the git directory; it is removed below
      // because a bare repository has no working tree to index.
      await git.add({ fs, dir: sourceDirectory, gitdir: staging, filepath: '.' });
      const oid = await git.commit({
        fs,
        dir: sourceDirectory,
        gitdir: staging,
        message: commit.message,
        author: { name: commit.authorName, email: commit.authorEmail },
      });
      await fs.promises.rm(path.join(staging, 'index'), { force: true });

      await fs.promises.rename(staging, target);
      return oid;
    } catch (error) {
      await fs.promises.rm(staging, { recursive: true, force: true });
      throw error;
    }
  }

  /**
   * Reads one file at the tip of a branch.
   *
   * @throws InputError when the branch is not a valid git branch name.
   * @throws NotFoundError when the repository, the branch or the file does not exist.
   */
  async readFile(name: string, branch: string, filepath: string): Promise<Buffer> {
    // The branch is joined into `refs/heads/...`, so `../../HEAD` would name another ref.
    if (!isValidBranchName(branch)) {
      throw new InputError(`Invalid branch '${branch}': not a valid git branch name`);
    }
    if (!(await this.exists(name))) {
      throw new NotFoundError(`Repository '${name}' not found`);
    }
    const gitdir = this.gitDirectory(name);

    let commitOid: string;
    try {
      commitOid = await git.resolveRef({ fs, gitdir, ref: `refs/heads/${branch}` });
    } catch {
      throw new NotFoundError(`Branch '${branch}' not found in repository '${name}'`);
    }

    try {
      const { blob } = await git.readBlob({ fs, gitdir, oid: commitOid, filepath });
      return Buffer.from(blob);
    } catch (error) {
      // NotFoundError for a missing path, ObjectTypeError for a directory.
      const code = (error as { code?: string }).code;
      if (code === 'NotFoundError' || code === 'ObjectTypeError') {
        throw new NotFoundError(
          `File '${filepath}' not found on branch '${branch}' of repository '${name}'`,
        );
      }
      throw error;
    }
  }
}
