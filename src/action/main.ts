import * as core from '@actions/core';
import { render } from '../commands/render.js';
import { actionsLogger } from './logger.js';
import { readSettings } from './settings.js';

/** The action's entry: read inputs, run the command, set outputs and the job summary. */
export async function run(): Promise<void> {
  try {
    const settings = readSettings();
    const result = await actionsLogger.group(`ferry ${settings.command}`, () =>
      render(
        {
          config: settings.config,
          env: settings.environment,
          imageTag: settings.imageTag,
          imageDigest: settings.imageDigest,
          out: settings.out,
        },
        actionsLogger,
      ),
    );
    core.setOutput('out', settings.out);
    core.setOutput('files', JSON.stringify(result.files));
    core.setOutput('objects', result.objects.length);
    core.setOutput('image', result.image.ref);
    await core.summary
      .addHeading(`ferry render: ${result.environment.name}`, 3)
      .addRaw(`Image \`${result.image.ref}\`, ${result.objects.length} objects\n\n`)
      .addList(result.objects.map((object) => `\`${object}\``))
      .write();
  } catch (error) {
    core.setFailed((error as Error).message);
  }
}
