import { PROCESS_IO, runCli } from './cli-io';
import { parseTrainArgs, runTrain, TRAIN_HELP } from './train-command';

void runCli('intent:train', async () => {
  const args = parseTrainArgs(process.argv.slice(2));
  if (!args) {
    PROCESS_IO.out(TRAIN_HELP);
    return;
  }
  PROCESS_IO.out(`${JSON.stringify(await runTrain(args, PROCESS_IO))}\n`);
}).then((status) => {
  process.exitCode = status;
});
