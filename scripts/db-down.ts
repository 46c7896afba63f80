// `pnpm db:down`: stop the local development cluster (its data stays in .data/).
import { stopDevCluster } from '@b2b/testing/provider';
import { log, main } from './lib/cli';

main(async () => {
  log(
    (await stopDevCluster())
      ? 'stopped the development database (data kept; pnpm db:up starts it again)'
      : 'the development database was not running',
  );
});
